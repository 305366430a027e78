"""The quality gate: Great Expectations suites over the warehouse's accounting identities."""
