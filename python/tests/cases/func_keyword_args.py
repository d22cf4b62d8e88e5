# feature: calling with keyword arguments in any order, mixing positional and keyword
def describe(kind, name, legs=4, sound="..."):
    print(f"{name} is a {kind} with {legs} legs and says {sound}")

describe("dog", "Rex", sound="woof")
describe(name="Tweety", kind="bird", legs=2)
describe("cat", name="Tom", legs=4, sound="meow")
describe(*["cow", "Bess"], **{"sound": "moo"})
