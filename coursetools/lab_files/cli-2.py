def _events(path, carrier):
    with open(path, encoding="utf-8") as f:
        return read_iftsta(f.read(), carrier)
