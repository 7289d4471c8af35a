@click.group()
def main():
    """Carrier tracking events in one common format."""


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
{option}def convert(path, carrier):
    """Print the events in PATH as JSON lines."""
    for event in _events(path, carrier):
        click.echo(event.model_dump_json())
