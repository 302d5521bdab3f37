"""Development tools (dev dependencies only; not installed in production): scale data for benchmarks."""
