# feature: sorting records by multiple keys via successive stable sorts and tuple keys
people = [("ann", 30, "nyc"), ("bob", 25, "sf"), ("cid", 30, "la"), ("dee", 25, "nyc")]
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print(by_age_then_city)
print(sorted(people, key=lambda p: (-p[1], p[0])))
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
