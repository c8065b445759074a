"""The benchmark behind `make bench` (README, "Benchmark"). Nothing here is
collected by pytest: no file is named test_*.py."""
