"""Compiles the interface translations (.ts -> .qm) with pyside6-lrelease when a wheel is built."""

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        try:
            import PySide6
        except ImportError:  # no Qt in the build environment: the app compiles on first use
            return
        lrelease = Path(PySide6.__file__).with_name("lrelease")
        target = Path(self.build_lib) / "hegang_atlas" / "qt" / "translations"
        for ts in sorted(Path("app/hegang_atlas/qt/translations").glob("*.ts")):
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(target / f"{ts.stem}.qm")], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
