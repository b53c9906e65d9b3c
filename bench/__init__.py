"""Benchmarks of Hegang Atlas against the straightforward approach: ``python -m bench``."""
