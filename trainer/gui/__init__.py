"""The PySide6 window. Qt is imported only in this package.

The engine the first screen uses is imported here, before any module of this package
imports Qt: PySide reads the source file of every module imported after it (looking for
its ``__feature__`` switches), which cost a start from a normal install about 6 ms for
the sixty-odd modules these bring in. tests/gui/test_start_up.py checks that none of
them comes after Qt.
"""

import trainer.app
import trainer.content.picture_urls
import trainer.content.render
import trainer.content.sounds
import trainer.library.deck_pictures
import trainer.profile.lock
import trainer.study.daily
import trainer.study.wording  # noqa: F401
