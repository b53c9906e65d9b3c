"""The ``hegang-atlas`` command: no arguments opens the window; sub-commands work without a display."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from hegang_atlas import __version__
from hegang_atlas.model.errors import AtlasError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
# format -> module in hegang_atlas.export with ``export(options) -> ExportReport``
EXPORTERS = {"gpkg": "gpkg", "png": "image", "pdf": "image", "html": "html"}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func

    return register


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hegang-atlas", description="A desktop map of Hegang, a shrinking coal city in north-east China."
    )
    parser.add_argument("--version", action="version", version=f"hegang-atlas {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("layers", help="list the layers")
    p.add_argument("--json", action="store_true", help="print JSON")
    _lang_option(p)
    p = sub.add_parser("sources", help="list the source documents and their claims")
    p.add_argument("--json", action="store_true", help="print JSON")
    _lang_option(p)
    p = sub.add_parser("validate", help="check layer definitions, data files, story files, source registries")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = sub.add_parser("export", help="export the map: gpkg (QGIS), png, pdf, html")
    p.add_argument("format", choices=EXPORTERS, help="what to write")
    p.add_argument("out", metavar="OUT", help="the file to write")
    p.add_argument("--story", help="a story id (png, pdf, html)")
    p.add_argument("--chapter", type=int, help="a chapter number, from 1 (png, pdf)")
    p.add_argument("--size", default="1600x1000", help="image size WxH in pixels (png, pdf)")
    p.add_argument("--dpi", type=int, default=150, help="resolution (png, pdf)")
    p.add_argument("--basemap", default="none", help="web basemap id, or none (png, pdf, html)")
    p.add_argument("--add", nargs="+", default=[], metavar="FILE", help="your own data files to include")
    _lang_option(p)
    p = sub.add_parser("stories", help="list the built-in stories and story files")
    p.add_argument("files", nargs="*", metavar="STORY_FILE", help="your own story files to list too")
    p.add_argument("--json", action="store_true", help="print JSON")
    _lang_option(p)
    return parser


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", choices=["en", "zh", "nl"], help="language of titles and texts")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


@command("layers")
def _layers(args: argparse.Namespace) -> int:
    from hegang_atlas.model import load_atlas

    atlas = load_atlas()
    rows = [
        {
            "id": layer.id,
            "title": layer.definition.title.get(args.lang),
            "kind": layer.definition.group,
            "geometry": layer.definition.geometry,
            "features": len(layer),
        }
        for layer in atlas.layers
    ]
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            _out(f"{r['id']:<22} {r['kind']:<8} {r['geometry']:<11} {r['features']:>4}  {r['title']}")
    return 0


@command("sources")
def _sources(args: argparse.Namespace) -> int:
    from hegang_atlas.model.paths import geodata_dir
    from hegang_atlas.model.sources import load_registry

    registry = load_registry(geodata_dir() / "sources.toml")
    if args.json:
        data = {
            "documents": [d.model_dump(mode="json") | {"title": d.title.get(args.lang)} for d in registry.documents.values()],
            "claims": [
                c.model_dump(mode="json") | {"statement": c.text(args.lang), "citation": registry.citation(c, args.lang)}
                for c in registry.claims.values()
            ],
        }
        _out(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for doc in registry.documents.values():
        claims = [c for c in registry.claims.values() if c.document == doc.id]
        _out(f"{doc.id}  [{doc.kind}, {doc.language}, {doc.date or 'undated'}]  {doc.title.get(args.lang)}  ({len(claims)} claims)")
        for c in claims:
            figure = f"{c.value:g} {c.unit}".strip() if c.value is not None else ""
            _out(f"  {c.id:<28} ¶{c.paragraph:<3} {figure:<18} {c.text(args.lang)}")
    return 0


@command("export")
def _export(args: argparse.Namespace) -> int:
    import importlib
    from pathlib import Path

    from hegang_atlas.export.common import ExportOptions

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise AtlasError(None, f"--size must look like 1600x1000, not '{args.size}'") from None
    options = ExportOptions(
        format=args.format, out=Path(args.out), story=args.story, chapter=args.chapter, size=(width, height), dpi=args.dpi,
        add=tuple(Path(p) for p in args.add), lang=args.lang, basemap=args.basemap,
    )
    module = importlib.import_module(f"hegang_atlas.export.{EXPORTERS[args.format]}")
    report = module.export(options)
    _out(report.text())
    return 0


@command("stories")
def _stories(args: argparse.Namespace) -> int:
    from hegang_atlas.model.story import builtin_stories, read_story

    rows = [
        {"id": s.id, "title": s.title.get(args.lang), "chapters": len(s.chapters), "source": "built-in"}
        for s in builtin_stories()
    ]
    for path in args.files:
        story = read_story(path)
        rows.append({"id": story.id, "title": story.title.get(args.lang), "chapters": len(story.chapters), "source": str(path)})
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            _out(f"{r['id']:<28} {r['chapters']:>3} chapters  {r['title']}  [{r['source']}]")
    return 0


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    from hegang_atlas.model.validate import validate_path

    failed = 0
    for path in args.paths:
        try:
            _out(f"ok: {validate_path(path)}")
        except AtlasError as exc:
            sys.stderr.write(f"hegang-atlas: {exc.message}\n")
            failed += 1
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or not (argv[0] in COMMANDS or argv[0].startswith("-")):
        from hegang_atlas.qt.app import run

        return run(argv)
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AtlasError as exc:
        sys.stderr.write(f"hegang-atlas: {exc.message}\n")
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
