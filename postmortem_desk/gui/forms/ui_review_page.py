# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

from postmortem_desk.gui.timeline.duration_strip import DurationStrip
from postmortem_desk.gui.timeline.event_detail_panel import EventDetailPanel
from postmortem_desk.gui.timeline.prompt_cards import PromptCards
from postmortem_desk.gui.timeline.quick_capture import QuickCaptureBar

class Ui_ReviewPage(object):
    def setupUi(self, ReviewPage):
        if not ReviewPage.objectName():
            ReviewPage.setObjectName(u"ReviewPage")
        ReviewPage.resize(1008, 660)
        self.pageLayout = QVBoxLayout(ReviewPage)
        self.pageLayout.setSpacing(10)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(24, 14, 24, 12)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(8)
        self.headerLayout.setObjectName(u"headerLayout")
        self.durationStrip = DurationStrip(ReviewPage)
        self.durationStrip.setObjectName(u"durationStrip")

        self.headerLayout.addWidget(self.durationStrip)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.localTimeButton = QPushButton(ReviewPage)
        self.localTimeButton.setObjectName(u"localTimeButton")
        self.localTimeButton.setCheckable(True)
        self.localTimeButton.setChecked(True)
        self.localTimeButton.setAutoExclusive(True)

        self.headerLayout.addWidget(self.localTimeButton)

        self.utcTimeButton = QPushButton(ReviewPage)
        self.utcTimeButton.setObjectName(u"utcTimeButton")
        self.utcTimeButton.setCheckable(True)
        self.utcTimeButton.setAutoExclusive(True)

        self.headerLayout.addWidget(self.utcTimeButton)

        self.importButton = QPushButton(ReviewPage)
        self.importButton.setObjectName(u"importButton")

        self.headerLayout.addWidget(self.importButton)

        self.addButton = QPushButton(ReviewPage)
        self.addButton.setObjectName(u"addButton")

        self.headerLayout.addWidget(self.addButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(8)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(ReviewPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(200, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.kindFilterCombo = QComboBox(ReviewPage)
        self.kindFilterCombo.setObjectName(u"kindFilterCombo")
        self.kindFilterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.kindFilterCombo)

        self.sourceFilterCombo = QComboBox(ReviewPage)
        self.sourceFilterCombo.setObjectName(u"sourceFilterCombo")
        self.sourceFilterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.sourceFilterCombo)

        self.actorFilterCombo = QComboBox(ReviewPage)
        self.actorFilterCombo.setObjectName(u"actorFilterCombo")
        self.actorFilterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.actorFilterCombo)

        self.countLabel = QLabel(ReviewPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.filterLayout.addWidget(self.countLabel)


        self.pageLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(ReviewPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(12)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.splitter.sizePolicy().hasHeightForWidth())
        self.splitter.setSizePolicy(sizePolicy)
        self.tableArea = QWidget(self.splitter)
        self.tableArea.setObjectName(u"tableArea")
        self.tableLayout = QVBoxLayout(self.tableArea)
        self.tableLayout.setSpacing(0)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 0, 0, 0)
        self.tableView = QTableView(self.tableArea)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tableView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tableView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tableView.setShowGrid(False)
        self.tableView.setSortingEnabled(False)
        self.tableView.setWordWrap(False)
        self.tableView.setTabKeyNavigation(False)

        self.tableLayout.addWidget(self.tableView)

        self.emptyLabel = QLabel(self.tableArea)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.tableLayout.addWidget(self.emptyLabel)

        self.splitter.addWidget(self.tableArea)
        self.sidePanel = QWidget(self.splitter)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sidePanel.setMinimumSize(QSize(300, 0))
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setSpacing(12)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.promptCards = PromptCards(self.sidePanel)
        self.promptCards.setObjectName(u"promptCards")
        self.promptCards.setFrameShape(QFrame.Shape.StyledPanel)

        self.sideLayout.addWidget(self.promptCards)

        self.detailPanel = EventDetailPanel(self.sidePanel)
        self.detailPanel.setObjectName(u"detailPanel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.detailPanel.sizePolicy().hasHeightForWidth())
        self.detailPanel.setSizePolicy(sizePolicy1)

        self.sideLayout.addWidget(self.detailPanel)

        self.splitter.addWidget(self.sidePanel)

        self.pageLayout.addWidget(self.splitter)

        self.captureBar = QuickCaptureBar(ReviewPage)
        self.captureBar.setObjectName(u"captureBar")

        self.pageLayout.addWidget(self.captureBar)

        QWidget.setTabOrder(self.tableView, self.captureBar)
        QWidget.setTabOrder(self.captureBar, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.kindFilterCombo)
        QWidget.setTabOrder(self.kindFilterCombo, self.sourceFilterCombo)
        QWidget.setTabOrder(self.sourceFilterCombo, self.actorFilterCombo)
        QWidget.setTabOrder(self.actorFilterCombo, self.localTimeButton)
        QWidget.setTabOrder(self.localTimeButton, self.utcTimeButton)
        QWidget.setTabOrder(self.utcTimeButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.addButton)

        self.retranslateUi(ReviewPage)
    # setupUi

    def retranslateUi(self, ReviewPage):
        self.localTimeButton.setText(QCoreApplication.translate("ReviewPage", u"Incident time", None))
#if QT_CONFIG(tooltip)
        self.localTimeButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Show times in the incident's own zone", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.localTimeButton.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Show times in the incident's zone", None))
#endif // QT_CONFIG(accessibility)
        self.utcTimeButton.setText(QCoreApplication.translate("ReviewPage", u"UTC", None))
#if QT_CONFIG(tooltip)
        self.utcTimeButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Show times in UTC", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.utcTimeButton.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Show times in UTC", None))
#endif // QT_CONFIG(accessibility)
        self.importButton.setText(QCoreApplication.translate("ReviewPage", u"Import\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Build the timeline from a Slack, PagerDuty, Alertmanager, CSV or chat export", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Import events from a file", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("ReviewPage", u"Add event", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ReviewPage", u"Add an event (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Add an event", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setProperty(u"role", QCoreApplication.translate("ReviewPage", u"primary", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ReviewPage", u"Filter by text, actor or channel", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Filter the timeline by text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kindFilterCombo.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Show only one kind of event", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sourceFilterCombo.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Show only events from one source", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actorFilterCombo.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Show only events by one actor", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        self.countLabel.setProperty(u"role", QCoreApplication.translate("ReviewPage", u"hint", None))
#if QT_CONFIG(accessibility)
        self.tableView.setAccessibleName(QCoreApplication.translate("ReviewPage", u"Timeline of the incident", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("ReviewPage", u"The timeline is empty. Type a line in the capture bar below, press Add event (Ctrl+N), or import a Slack, PagerDuty or chat export.", None))
        self.emptyLabel.setProperty(u"role", QCoreApplication.translate("ReviewPage", u"muted", None))
        pass
    # retranslateUi

