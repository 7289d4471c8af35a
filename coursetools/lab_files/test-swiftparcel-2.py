def test_not_at_home_is_an_exception():
    events = read("exception-4410035502.json")
    assert events[-1].status is Status.EXCEPTION
    assert events[-1].remarks
