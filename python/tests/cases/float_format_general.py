# feature: str() of floats around the exponent switch, and :g / :f / :e formats
for v in [1e15, 1e16, 1.23e16, 123456789012345.6, 0.0001, 0.00001, 1.5e-5, 12345.0]:
    print(str(v), f"{v:g}", f"{v:.3f}", f"{v:.2e}")
print(f"{1/3:.10f} {2/3:.15g} {1e-3:.0e} {100.0:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
