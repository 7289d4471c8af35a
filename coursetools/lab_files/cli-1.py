def _events(path, carrier):
    with open(path, encoding="utf-8") as f:
        return PARSERS[carrier](f.read())
