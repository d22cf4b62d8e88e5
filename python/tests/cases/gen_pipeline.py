# feature: chained generators forming a pipeline, with interleaved prints showing laziness
def read():
    for line in ["3", "x", "10", "7"]:
        print("read", line)
        yield line

def parse(lines):
    for line in lines:
        if line.isdigit():
            yield int(line)

def doubled(nums):
    for n in nums:
        yield n * 2

for v in doubled(parse(read())):
    print("value", v)
