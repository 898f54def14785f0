"""Benchmarks: each module prints a table beside a floor measured in the same run."""
