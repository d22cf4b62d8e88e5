//! `dict` and `set`: insertion-ordered tables keyed by a hashable form of the value.
//!
//! Python's equal keys are one key whatever their type (`1`, `1.0` and `True` are one dict key),
//! so the table is keyed by `Key`, which folds each number to one form; the original key value is
//! kept for iteration and `repr`.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exceptions::type_error;
use crate::value::{PyResult, Str, Value};

/// The hashable form of a value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    None,
    Ellipsis,
    Int(i64),
    Big(BigInt),
    /// A float that is not a whole number, by its bits (`-0.0` and whole floats fold into `Int`).
    Float(u64),
    Str(Str),
    Bytes(Rc<[u8]>),
    Tuple(Vec<Key>),
    FrozenSet(Vec<Key>),
    /// Objects hashed by identity: functions, classes, instances.
    Id(usize),
}

impl Key {
    pub fn of(value: &Value) -> PyResult<Key> {
        Ok(match value {
            Value::None => Key::None,
            Value::Ellipsis => Key::Ellipsis,
            Value::Bool(b) => Key::Int(*b as i64),
            Value::Int(i) => Key::Int(*i),
            Value::Big(b) => Key::Big((**b).clone()),
            Value::Float(f) => float_key(*f),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Bytes(b) => Key::Bytes(b.clone()),
            Value::Tuple(items) => Key::Tuple(items.iter().map(Key::of).collect::<PyResult<_>>()?),
            Value::FrozenSet(set) => {
                let mut keys: Vec<Key> = set.keys.keys().cloned().collect();
                keys.sort();
                Key::FrozenSet(keys)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(type_error(format!(
                    "unhashable type: '{}'",
                    crate::types::type_name(value)
                )))
            }
            Value::Instance(i) => {
                if let Some(Value::Function(_)) = i.class.lookup("__hash__") {
                    return Err(crate::exceptions::unsupported(
                        "an instance with its own __hash__ as a dict key or set member",
                    ));
                }
                if i.class.lookup("__eq__").is_some() && i.class.lookup("__hash__").is_none() {
                    return Err(type_error(format!(
                        "unhashable type: '{}'",
                        crate::types::type_name(value)
                    )));
                }
                Key::Id(Rc::as_ptr(i) as *const () as usize)
            }
            Value::Function(f) => Key::Id(Rc::as_ptr(f) as *const () as usize),
            Value::Builtin(f) => Key::Id(Rc::as_ptr(f) as *const () as usize),
            Value::Class(c) => Key::Id(Rc::as_ptr(c) as *const () as usize),
            Value::Module(m) => Key::Id(Rc::as_ptr(m) as *const () as usize),
            Value::Generator(g) => Key::Id(Rc::as_ptr(g) as *const () as usize),
            Value::Host(h) => Key::Id(Rc::as_ptr(h) as *const () as usize),
            Value::Method(m) => Key::Id(Rc::as_ptr(m) as *const () as usize),
            Value::Range(r) => Key::Id(Rc::as_ptr(r) as *const () as usize),
            Value::Descriptor(d) => Key::Id(Rc::as_ptr(d) as *const () as usize),
            Value::Iter(i) => Key::Id(Rc::as_ptr(i) as *const () as usize),
            Value::Partial(p) => Key::Id(Rc::as_ptr(p) as *const () as usize),
            Value::Cell(c) => Key::Id(Rc::as_ptr(c) as *const () as usize),
            Value::Code(c) => Key::Id(Rc::as_ptr(c) as *const () as usize),
            Value::Super(c) => Key::Id(Rc::as_ptr(c) as *const () as usize),
            Value::NotImplemented => Key::Id(1),
        })
    }
}

/// What each kind of key writes first to the hasher, then its contents.
const STR_TAG: u8 = 5;

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            Key::None => h.write_u8(0),
            Key::Ellipsis => h.write_u8(1),
            Key::Int(i) => {
                h.write_u8(2);
                i.hash(h);
            }
            Key::Big(b) => {
                h.write_u8(3);
                b.hash(h);
            }
            Key::Float(bits) => {
                h.write_u8(4);
                bits.hash(h);
            }
            // As [`Name`] hashes: a name is found without making a key of it.
            Key::Str(s) => {
                h.write_u8(STR_TAG);
                (**s).hash(h);
            }
            Key::Bytes(b) => {
                h.write_u8(6);
                b.hash(h);
            }
            Key::Tuple(keys) => {
                h.write_u8(7);
                keys.hash(h);
            }
            Key::FrozenSet(keys) => {
                h.write_u8(8);
                keys.hash(h);
            }
            Key::Id(id) => {
                h.write_u8(9);
                id.hash(h);
            }
        }
    }
}

/// A key as a lookup sees it: a name looked up by `get_str` (a global, an attribute) is a
/// borrowed `&str`, so the lookup makes no key and allocates nothing.
trait Lookup {
    fn view(&self) -> View<'_>;
}

enum View<'a> {
    Name(&'a str),
    Key(&'a Key),
}

impl Lookup for Key {
    fn view(&self) -> View<'_> {
        match self {
            Key::Str(s) => View::Name(s),
            key => View::Key(key),
        }
    }
}

/// A name to look up.
struct Name<'a>(&'a str);

impl Lookup for Name<'_> {
    fn view(&self) -> View<'_> {
        View::Name(self.0)
    }
}

impl<'a> Borrow<dyn Lookup + 'a> for Key {
    fn borrow(&self) -> &(dyn Lookup + 'a) {
        self
    }
}

impl Hash for dyn Lookup + '_ {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self.view() {
            View::Name(s) => {
                h.write_u8(STR_TAG);
                s.hash(h);
            }
            View::Key(key) => key.hash(h),
        }
    }
}

impl PartialEq for dyn Lookup + '_ {
    fn eq(&self, other: &Self) -> bool {
        match (self.view(), other.view()) {
            (View::Name(a), View::Name(b)) => a == b,
            (View::Key(a), View::Key(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for dyn Lookup + '_ {}

fn float_key(f: f64) -> Key {
    if f.fract() == 0.0 && f.is_finite() {
        if f.abs() < 9.0e18 {
            return Key::Int(f as i64);
        }
        if let Some(big) = num_bigint::BigInt::from_f64_exact(f) {
            return match big.to_i64() {
                Some(i) => Key::Int(i),
                None => Key::Big(big),
            };
        }
    }
    Key::Float(f.to_bits())
}

trait FromF64Exact: Sized {
    fn from_f64_exact(f: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

/// The hash the tables use: rustc's Fx hash, a multiply and a rotate per word. SipHash, the
/// standard map's, guards servers against chosen keys; a learner's program is no attacker, and
/// every global and attribute lookup hashes a name (SipHash was a tenth of `fib(25)`'s time).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A table from keys to their entries' places.
pub type Index = HashMap<Key, usize, std::hash::BuildHasherDefault<FxHasher>>;

/// A `dict`: entries in insertion order, with holes left by deletions until the next compaction.
#[derive(Clone)]
pub struct Dict {
    entries: Vec<Option<(Value, Value)>>,
    index: Index,
    /// Changes whenever a key is added or removed (see [`Dict::layout`]).
    layout: u64,
}

thread_local! {
    static LAST_LAYOUT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A layout stamp no dict has had.
fn fresh_layout() -> u64 {
    LAST_LAYOUT.with(|last| {
        last.set(last.get() + 1);
        last.get()
    })
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            entries: Vec::new(),
            index: Index::default(),
            layout: fresh_layout(),
        }
    }
}

impl Dict {
    /// A stamp of which keys the dict holds and where: it changes whenever a key is added or
    /// removed, never when a value is replaced, and no two dicts share one unless one is a
    /// copy of the other with the same keys in the same places. So a place found by
    /// [`slot_of_str`](Self::slot_of_str) stays right while the stamp does: the VM's
    /// global-name cache (CPython 3.11 checks a dict's keys version the same way).
    pub fn layout(&self) -> u64 {
        self.layout
    }
    /// Where the entry of the string key `key` is, for [`value_at`](Self::value_at).
    pub fn slot_of_str(&self, key: &str) -> Option<usize> {
        self.index.get(&Name(key) as &dyn Lookup).copied()
    }
    /// The value at `slot`, found while the layout was the same.
    pub fn value_at(&self, slot: usize) -> Option<Value> {
        self.entries
            .get(slot)
            .and_then(|e| e.as_ref().map(|(_, v)| v.clone()))
    }
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.index.len()
    }
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        let k = Key::of(key)?;
        Ok(self
            .index
            .get(&k)
            .and_then(|&i| self.entries[i].as_ref().map(|(_, v)| v.clone())))
    }
    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.index
            .get(&Name(key) as &dyn Lookup)
            .and_then(|&i| self.entries[i].as_ref().map(|(_, v)| v.clone()))
    }
    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        Ok(self.index.contains_key(&Key::of(key)?))
    }
    /// Sets `key` to `value`; an existing key keeps its place (and its original key object).
    pub fn insert(&mut self, key: Value, value: Value) -> PyResult<()> {
        let k = Key::of(&key)?;
        self.insert_key(k, key, value);
        Ok(())
    }
    pub fn set_str(&mut self, key: &str, value: Value) {
        let k: Str = Rc::from(key);
        self.insert_key(Key::Str(k.clone()), Value::Str(k), value);
    }
    fn insert_key(&mut self, k: Key, key: Value, value: Value) {
        if let Some(&i) = self.index.get(&k) {
            if let Some(entry) = &mut self.entries[i] {
                entry.1 = value;
            }
            return;
        }
        self.index.insert(k, self.entries.len());
        self.entries.push(Some((key, value)));
        self.layout = fresh_layout();
    }
    pub fn remove(&mut self, key: &Value) -> PyResult<Option<Value>> {
        let k = Key::of(key)?;
        Ok(self.remove_key(&k))
    }
    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        self.remove_key(&Key::Str(Rc::from(key)))
    }
    fn remove_key(&mut self, k: &Key) -> Option<Value> {
        let i = self.index.remove(k)?;
        self.layout = fresh_layout();
        let (_, v) = self.entries[i].take()?;
        if self.entries.len() > 16 && self.index.len() * 2 < self.entries.len() {
            self.compact();
        }
        Some(v)
    }
    fn compact(&mut self) {
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        for (i, (key, _)) in self.entries.iter().flatten().enumerate() {
            if let Ok(k) = Key::of(key) {
                self.index.insert(k, i);
            }
        }
    }
    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.layout = fresh_layout();
        while let Some(last) = self.entries.pop() {
            if let Some((key, value)) = last {
                if let Ok(k) = Key::of(&key) {
                    self.index.remove(&k);
                }
                return Some((key, value));
            }
        }
        None
    }
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.layout = fresh_layout();
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// A `set` (or the table of a `frozenset`).
#[derive(Default, Clone)]
pub struct Set {
    pub keys: Index,
    items: Vec<Option<Value>>,
}

impl Set {
    pub fn new() -> Set {
        Set::default()
    }
    pub fn len(&self) -> usize {
        self.keys.len()
    }
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
    pub fn add(&mut self, value: Value) -> PyResult<()> {
        let k = Key::of(&value)?;
        if !self.keys.contains_key(&k) {
            self.keys.insert(k, self.items.len());
            self.items.push(Some(value));
        }
        Ok(())
    }
    pub fn contains(&self, value: &Value) -> PyResult<bool> {
        Ok(self.keys.contains_key(&Key::of(value)?))
    }
    pub fn remove(&mut self, value: &Value) -> PyResult<bool> {
        let k = Key::of(value)?;
        Ok(match self.keys.remove(&k) {
            Some(i) => {
                self.items[i] = None;
                true
            }
            None => false,
        })
    }
    pub fn clear(&mut self) {
        self.keys.clear();
        self.items.clear();
    }
    /// The members in the order CPython's table holds them. For ints (whose hash is their
    /// value) the table is rebuilt as `setobject.c` fills it, so `{9, 4, 1, 0}` prints as
    /// CPython prints it; other members keep the order they were added (CPython's order for
    /// strings changes from run to run anyway).
    pub fn members(&self) -> Vec<Value> {
        let items: Vec<Value> = self.items.iter().flatten().cloned().collect();
        let hashes: Option<Vec<u64>> = items
            .iter()
            .map(|v| match v {
                Value::Int(i) if i.unsigned_abs() < (1u64 << 61) - 1 => {
                    Some(if *i == -1 { -2i64 as u64 } else { *i as u64 })
                }
                Value::Bool(b) => Some(*b as u64),
                _ => None,
            })
            .collect();
        match hashes {
            Some(hashes) => cpython_order(&hashes)
                .into_iter()
                .map(|i| items[i].clone())
                .collect(),
            None => items,
        }
    }
    pub fn pop_first(&mut self) -> Option<Value> {
        let first = self.members().into_iter().next()?;
        let _ = self.remove(&first);
        Some(first)
    }
}

/// The order in which CPython's set table holds entries with these hashes, added in this order
/// (open addressing with 9 linear probes, then perturbation; resized at 3/5 full).
fn cpython_order(hashes: &[u64]) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    fn slot(table: &[Option<usize>], hash: u64) -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            if table[i].is_none() {
                return i;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].is_none() {
                        return i + j;
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0;
    for (n, &h) in hashes.iter().enumerate() {
        let i = slot(&table, h);
        table[i] = Some(n);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for k in old.into_iter().flatten() {
                let i = slot(&table, hashes[k]);
                table[i] = Some(k);
            }
        }
    }
    table.into_iter().flatten().collect()
}
