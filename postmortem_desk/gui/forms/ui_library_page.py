# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'library_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_LibraryPage(object):
    def setupUi(self, LibraryPage):
        if not LibraryPage.objectName():
            LibraryPage.setObjectName(u"LibraryPage")
        LibraryPage.resize(1100, 700)
        self.pageLayout = QVBoxLayout(LibraryPage)
        self.pageLayout.setSpacing(16)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(32, 28, 32, 24)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(12)
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLayout = QVBoxLayout()
        self.titleLayout.setSpacing(2)
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(LibraryPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(LibraryPage)
        self.subtitleLabel.setObjectName(u"subtitleLabel")

        self.titleLayout.addWidget(self.subtitleLabel)


        self.headerLayout.addLayout(self.titleLayout)

        self.headerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.searchEdit = QLineEdit(LibraryPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(260, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.headerLayout.addWidget(self.searchEdit)

        self.newButton = QPushButton(LibraryPage)
        self.newButton.setObjectName(u"newButton")

        self.headerLayout.addWidget(self.newButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.tableView = QTableView(LibraryPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setShowGrid(False)
        self.tableView.setSortingEnabled(True)
        self.tableView.setWordWrap(False)

        self.pageLayout.addWidget(self.tableView)

        self.emptyLabel = QLabel(LibraryPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pageLayout.addWidget(self.emptyLabel)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.countLabel = QLabel(LibraryPage)
        self.countLabel.setObjectName(u"countLabel")

        self.footerLayout.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerLayout.addItem(self.footerSpacer)

        self.renameButton = QPushButton(LibraryPage)
        self.renameButton.setObjectName(u"renameButton")

        self.footerLayout.addWidget(self.renameButton)

        self.deleteButton = QPushButton(LibraryPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.footerLayout.addWidget(self.deleteButton)

        self.openButton = QPushButton(LibraryPage)
        self.openButton.setObjectName(u"openButton")

        self.footerLayout.addWidget(self.openButton)


        self.pageLayout.addLayout(self.footerLayout)


        self.retranslateUi(LibraryPage)
    # setupUi

    def retranslateUi(self, LibraryPage):
        self.titleLabel.setText(QCoreApplication.translate("LibraryPage", u"Postmortems", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"pageTitle", None))
        self.subtitleLabel.setText(QCoreApplication.translate("LibraryPage", u"Open one to run its meeting, or start a new one.", None))
        self.subtitleLabel.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"muted", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("LibraryPage", u"Search title, incident or service", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Search postmortems", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("LibraryPage", u"New postmortem", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("LibraryPage", u"New postmortem", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"primary", None))
#if QT_CONFIG(accessibility)
        self.tableView.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Postmortem library", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("LibraryPage", u"No postmortems yet. Press \u201cNew postmortem\u201d (Ctrl+N) to start one.", None))
        self.emptyLabel.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"muted", None))
        self.countLabel.setText("")
        self.countLabel.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"hint", None))
        self.renameButton.setText(QCoreApplication.translate("LibraryPage", u"Rename\u2026", None))
#if QT_CONFIG(accessibility)
        self.renameButton.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Rename the selected postmortem", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(QCoreApplication.translate("LibraryPage", u"Delete\u2026", None))
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Delete the selected postmortem", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"danger", None))
        self.openButton.setText(QCoreApplication.translate("LibraryPage", u"Open meeting", None))
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("LibraryPage", u"Open the selected postmortem", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setProperty(u"role", QCoreApplication.translate("LibraryPage", u"primary", None))
        pass
    # retranslateUi

