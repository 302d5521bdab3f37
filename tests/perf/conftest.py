# Benchmarks (bench.py, probe.py) run against a real server and a seeded database; never collected by pytest.
collect_ignore_glob = ["*.py"]
