"""Issue 2: Resolution.to_text() writes a clean text that parses back to an equal Resolution."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import resdiff
from tests.conftest import validate
from tests.strategies import resolutions


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_to_text_parses_back_to_an_equal_resolution(resolution: resdiff.Resolution) -> None:
    assert resdiff.parse(resolution.to_text()) == resolution


@settings(max_examples=50, deadline=None)
@given(resolutions())
def test_generated_resolutions_validate_against_the_schema(resolution: resdiff.Resolution) -> None:
    validate(resolution.to_dict())
    assert resdiff.Resolution.from_dict(resolution.to_dict()) == resolution
