"""What the architecture guards (check_*.py, run by ctest) share: how they report a check."""


def report(checked, found):
    """Prints each violation, then 'N passed, M failed' as ctest shows it; exit status 1 if any."""
    for f in found:
        print(f)
    print(f"{checked - len(found)} passed, {len(found)} failed")
    return 1 if found else 0
