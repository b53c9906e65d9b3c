"""Take the screenshots in docs/ from the real window on a virtual screen.

Run under Xvfb (as ../shared/tools/shoot.sh does), e.g.::

    QTWEBENGINE_DISABLE_SANDBOX=1 QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
        python docs/screenshots.py docs/

Each scene drives the window through its public objects, waits, then grabs the X screen
(``import -window root``; QWebEngineView.grab() would be blank).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from hegang_atlas.model import load_atlas
from hegang_atlas.qt.app import make_application


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(path: Path) -> None:
    subprocess.run(["import", "-window", "root", "-resize", "1400x", str(path)], check=True)
    print("wrote", path)


def main(out: Path) -> None:
    make_application()
    from hegang_atlas.qt.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
    atlas = load_atlas()
    window = MainWindow(atlas, settings)
    window.setGeometry(0, 0, 1600, 1000)
    window.show()
    wait(5000)
    shoot(out / "screenshot-main.png")

    atlas.select("coal_mines", "xinxing")
    window.controller.zoom_to_feature("coal_mines", "xinxing")
    table = window.planner.table_dock
    table.show()
    table.show_layer("demolished_villages")
    wait(2500)
    shoot(out / "screenshot-table.png")

    table.hide()
    dialog = window.planner.proximity_dialog
    dialog.set_origin("coal_mines", "xinxing")
    dialog.set_checked_layers({"demolished_villages"})
    dialog.show()
    dialog.move(1050, 520)
    dialog.run()
    wait(2500)
    shoot(out / "screenshot-proximity.png")
    dialog.close()
    atlas.clear_selection()

    window.controller.fly_to(47.33, 130.28, 11)
    wait(1500)
    tool = window.measure_tool
    tool.start(False)
    for lat, lon in ((47.38, 130.31), (47.33, 130.26), (47.28, 130.29), (47.24, 130.24)):
        window.controller.mapClicked.emit(lat, lon)
    wait(1500)
    shoot(out / "screenshot-measure.png")
    tool.end()

    story = window.story_mode
    story.presenter.enter()
    story.player.go(3)
    wait(4000)
    shoot(out / "screenshot-presenter.png")
    story.presenter.leave()
    window.close()
    window.map_view.deleteLater()
    wait(200)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
