//! What a load test of the page's server measured, summed up for the client pane: how many
//! requests, how long, requests per second, and the spread of their latencies.

/// One request of a load test: how long it took and its status (`None` if it failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// From sending to the end of the body, in milliseconds.
    pub ms: u64,
    /// The status, or `None` for a failed request.
    pub status: Option<u16>,
}

/// The summary the pane shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadReport {
    /// Requests that got an answer.
    pub answered: usize,
    /// Requests that failed.
    pub failed: usize,
    /// The whole test's wall time, in milliseconds.
    pub wall_ms: u64,
    /// Requests per second, times ten (one decimal without formatting a float).
    pub per_second_x10: u64,
    /// The fastest, median and slowest latency, in milliseconds (0 with no sample).
    pub min_ms: u64,
    /// See [`LoadReport::min_ms`].
    pub median_ms: u64,
    /// See [`LoadReport::min_ms`].
    pub max_ms: u64,
    /// How many answers had each status, by status.
    pub statuses: Vec<(u16, usize)>,
}

impl LoadReport {
    /// Sums up `samples` taken over `wall_ms`.
    pub fn of(samples: &[Sample], wall_ms: u64) -> LoadReport {
        let mut latencies: Vec<u64> = samples.iter().map(|s| s.ms).collect();
        latencies.sort_unstable();
        let mut statuses: Vec<(u16, usize)> = Vec::new();
        for status in samples.iter().filter_map(|s| s.status) {
            match statuses.iter_mut().find(|(s, _)| *s == status) {
                Some((_, n)) => *n += 1,
                None => statuses.push((status, 1)),
            }
        }
        statuses.sort_unstable();
        let answered = samples.iter().filter(|s| s.status.is_some()).count();
        LoadReport {
            answered,
            failed: samples.len() - answered,
            wall_ms,
            per_second_x10: (samples.len() as u64 * 10_000) / wall_ms.max(1),
            min_ms: latencies.first().copied().unwrap_or(0),
            median_ms: latencies.get(latencies.len() / 2).copied().unwrap_or(0),
            max_ms: latencies.last().copied().unwrap_or(0),
            statuses,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LoadReport, Sample};

    #[test]
    fn a_report_counts_statuses_and_spreads_latencies() {
        let samples = [
            Sample {
                ms: 3010,
                status: Some(200),
            },
            Sample {
                ms: 3002,
                status: Some(200),
            },
            Sample {
                ms: 3050,
                status: Some(500),
            },
            Sample {
                ms: 12,
                status: None,
            },
        ];
        let report = LoadReport::of(&samples, 3100);
        assert_eq!(report.answered, 3);
        assert_eq!(report.failed, 1);
        assert_eq!(
            (report.min_ms, report.median_ms, report.max_ms),
            (12, 3010, 3050)
        );
        assert_eq!(report.per_second_x10, 12); // 4 requests in 3.1 s: 1.2 per second
        assert_eq!(report.statuses, vec![(200, 2), (500, 1)]);
        let empty = LoadReport::of(&[], 0);
        assert_eq!(
            (empty.answered, empty.per_second_x10, empty.max_ms),
            (0, 0, 0)
        );
    }
}
