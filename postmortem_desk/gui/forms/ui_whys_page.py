# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'whys_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTreeView, QVBoxLayout, QWidget)

class Ui_WhysPage(object):
    def setupUi(self, WhysPage):
        if not WhysPage.objectName():
            WhysPage.setObjectName(u"WhysPage")
        WhysPage.resize(1008, 680)
        self.pageLayout = QVBoxLayout(WhysPage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(24, 16, 24, 16)
        self.mainSplitter = QSplitter(WhysPage)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.mainSplitter.setHandleWidth(12)
        self.leftPanel = QWidget(self.mainSplitter)
        self.leftPanel.setObjectName(u"leftPanel")
        self.leftPanel.setMinimumSize(QSize(390, 0))
        self.leftLayout = QVBoxLayout(self.leftPanel)
        self.leftLayout.setSpacing(12)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.outlineCard = QFrame(self.leftPanel)
        self.outlineCard.setObjectName(u"outlineCard")
        self.outlineLayout = QVBoxLayout(self.outlineCard)
        self.outlineLayout.setSpacing(8)
        self.outlineLayout.setObjectName(u"outlineLayout")
        self.outlineLayout.setContentsMargins(14, 12, 14, 12)
        self.outlineHeaderLayout = QHBoxLayout()
        self.outlineHeaderLayout.setSpacing(6)
        self.outlineHeaderLayout.setObjectName(u"outlineHeaderLayout")
        self.outlineTitleLabel = QLabel(self.outlineCard)
        self.outlineTitleLabel.setObjectName(u"outlineTitleLabel")

        self.outlineHeaderLayout.addWidget(self.outlineTitleLabel)

        self.outlineHeaderSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outlineHeaderLayout.addItem(self.outlineHeaderSpacer)

        self.addChildButton = QPushButton(self.outlineCard)
        self.addChildButton.setObjectName(u"addChildButton")

        self.outlineHeaderLayout.addWidget(self.addChildButton)

        self.addRootButton = QPushButton(self.outlineCard)
        self.addRootButton.setObjectName(u"addRootButton")

        self.outlineHeaderLayout.addWidget(self.addRootButton)

        self.deleteButton = QPushButton(self.outlineCard)
        self.deleteButton.setObjectName(u"deleteButton")

        self.outlineHeaderLayout.addWidget(self.deleteButton)


        self.outlineLayout.addLayout(self.outlineHeaderLayout)

        self.outlineView = QTreeView(self.outlineCard)
        self.outlineView.setObjectName(u"outlineView")
        self.outlineView.setAlternatingRowColors(False)
        self.outlineView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outlineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outlineView.setUniformRowHeights(False)
        self.outlineView.setWordWrap(True)
        self.outlineView.setIndentation(18)

        self.outlineLayout.addWidget(self.outlineView)

        self.keysHintLabel = QLabel(self.outlineCard)
        self.keysHintLabel.setObjectName(u"keysHintLabel")
        self.keysHintLabel.setWordWrap(True)

        self.outlineLayout.addWidget(self.keysHintLabel)


        self.leftLayout.addWidget(self.outlineCard)

        self.detailCard = QFrame(self.leftPanel)
        self.detailCard.setObjectName(u"detailCard")
        self.detailLayout = QVBoxLayout(self.detailCard)
        self.detailLayout.setSpacing(8)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(14, 12, 14, 12)
        self.detailHeaderLayout = QHBoxLayout()
        self.detailHeaderLayout.setObjectName(u"detailHeaderLayout")
        self.detailTitleLabel = QLabel(self.detailCard)
        self.detailTitleLabel.setObjectName(u"detailTitleLabel")

        self.detailHeaderLayout.addWidget(self.detailTitleLabel)

        self.levelLabel = QLabel(self.detailCard)
        self.levelLabel.setObjectName(u"levelLabel")
        self.levelLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.detailHeaderLayout.addWidget(self.levelLabel)


        self.detailLayout.addLayout(self.detailHeaderLayout)

        self.whyTextEdit = QPlainTextEdit(self.detailCard)
        self.whyTextEdit.setObjectName(u"whyTextEdit")
        self.whyTextEdit.setMaximumSize(QSize(16777215, 64))
        self.whyTextEdit.setTabChangesFocus(True)

        self.detailLayout.addWidget(self.whyTextEdit)

        self.personHintLabel = QLabel(self.detailCard)
        self.personHintLabel.setObjectName(u"personHintLabel")
        self.personHintLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.personHintLabel)

        self.promptsLabel = QLabel(self.detailCard)
        self.promptsLabel.setObjectName(u"promptsLabel")
        self.promptsLabel.setWordWrap(True)
        self.promptsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.detailLayout.addWidget(self.promptsLabel)

        self.factorLayout = QHBoxLayout()
        self.factorLayout.setSpacing(10)
        self.factorLayout.setObjectName(u"factorLayout")
        self.factorCheckBox = QCheckBox(self.detailCard)
        self.factorCheckBox.setObjectName(u"factorCheckBox")

        self.factorLayout.addWidget(self.factorCheckBox)

        self.categoryCombo = QComboBox(self.detailCard)
        self.categoryCombo.setObjectName(u"categoryCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.categoryCombo.sizePolicy().hasHeightForWidth())
        self.categoryCombo.setSizePolicy(sizePolicy)

        self.factorLayout.addWidget(self.categoryCombo)


        self.detailLayout.addLayout(self.factorLayout)

        self.evidenceHeaderLayout = QHBoxLayout()
        self.evidenceHeaderLayout.setObjectName(u"evidenceHeaderLayout")
        self.evidenceTitleLabel = QLabel(self.detailCard)
        self.evidenceTitleLabel.setObjectName(u"evidenceTitleLabel")

        self.evidenceHeaderLayout.addWidget(self.evidenceTitleLabel)

        self.evidenceHeaderSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceHeaderLayout.addItem(self.evidenceHeaderSpacer)

        self.linkEvidenceButton = QPushButton(self.detailCard)
        self.linkEvidenceButton.setObjectName(u"linkEvidenceButton")

        self.evidenceHeaderLayout.addWidget(self.linkEvidenceButton)


        self.detailLayout.addLayout(self.evidenceHeaderLayout)

        self.evidenceChips = QWidget(self.detailCard)
        self.evidenceChips.setObjectName(u"evidenceChips")
        self.evidenceChipsLayout = QVBoxLayout(self.evidenceChips)
        self.evidenceChipsLayout.setSpacing(4)
        self.evidenceChipsLayout.setObjectName(u"evidenceChipsLayout")
        self.evidenceChipsLayout.setContentsMargins(0, 0, 0, 0)

        self.detailLayout.addWidget(self.evidenceChips)


        self.leftLayout.addWidget(self.detailCard)

        self.leftLayout.setStretch(0, 1)
        self.mainSplitter.addWidget(self.leftPanel)
        self.diagramCard = QFrame(self.mainSplitter)
        self.diagramCard.setObjectName(u"diagramCard")
        self.diagramLayout = QVBoxLayout(self.diagramCard)
        self.diagramLayout.setSpacing(6)
        self.diagramLayout.setObjectName(u"diagramLayout")
        self.diagramLayout.setContentsMargins(8, 10, 8, 8)
        self.diagramHeaderLayout = QHBoxLayout()
        self.diagramHeaderLayout.setObjectName(u"diagramHeaderLayout")
        self.diagramHeaderLayout.setContentsMargins(6, -1, 6, -1)
        self.diagramTitleLabel = QLabel(self.diagramCard)
        self.diagramTitleLabel.setObjectName(u"diagramTitleLabel")

        self.diagramHeaderLayout.addWidget(self.diagramTitleLabel)

        self.diagramSummaryLabel = QLabel(self.diagramCard)
        self.diagramSummaryLabel.setObjectName(u"diagramSummaryLabel")
        self.diagramSummaryLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.diagramHeaderLayout.addWidget(self.diagramSummaryLabel)


        self.diagramLayout.addLayout(self.diagramHeaderLayout)

        self.diagramHost = QWidget(self.diagramCard)
        self.diagramHost.setObjectName(u"diagramHost")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.diagramHost.sizePolicy().hasHeightForWidth())
        self.diagramHost.setSizePolicy(sizePolicy1)
        self.diagramHostLayout = QVBoxLayout(self.diagramHost)
        self.diagramHostLayout.setObjectName(u"diagramHostLayout")
        self.diagramHostLayout.setContentsMargins(0, 0, 0, 0)

        self.diagramLayout.addWidget(self.diagramHost)

        self.mainSplitter.addWidget(self.diagramCard)

        self.pageLayout.addWidget(self.mainSplitter)


        self.retranslateUi(WhysPage)
    # setupUi

    def retranslateUi(self, WhysPage):
        self.outlineCard.setProperty(u"role", QCoreApplication.translate("WhysPage", u"card", None))
        self.outlineTitleLabel.setText(QCoreApplication.translate("WhysPage", u"Outline", None))
        self.outlineTitleLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"sectionTitle", None))
        self.addChildButton.setText(QCoreApplication.translate("WhysPage", u"Ask why", None))
#if QT_CONFIG(tooltip)
        self.addChildButton.setToolTip(QCoreApplication.translate("WhysPage", u"Add an answer to the selected why: what made that possible? (Tab)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.addChildButton.setAccessibleName(QCoreApplication.translate("WhysPage", u"Add an answer to the selected why", None))
#endif // QT_CONFIG(accessibility)
        self.addChildButton.setProperty(u"role", QCoreApplication.translate("WhysPage", u"primary", None))
        self.addRootButton.setText(QCoreApplication.translate("WhysPage", u"New problem", None))
#if QT_CONFIG(tooltip)
        self.addRootButton.setToolTip(QCoreApplication.translate("WhysPage", u"Start another tree from a new problem statement", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.addRootButton.setAccessibleName(QCoreApplication.translate("WhysPage", u"Add a problem statement", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(QCoreApplication.translate("WhysPage", u"Delete", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("WhysPage", u"Delete the selected why and its answers (Delete; Ctrl+Z undoes)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("WhysPage", u"Delete the selected why and its answers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.outlineView.setAccessibleName(QCoreApplication.translate("WhysPage", u"Five whys outline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.outlineView.setAccessibleDescription(QCoreApplication.translate("WhysPage", u"Enter adds a sibling, Tab adds an answer, Shift+Tab moves a why out one level, F2 edits, Delete removes. Ctrl+Tab leaves the outline.", None))
#endif // QT_CONFIG(accessibility)
        self.keysHintLabel.setText(QCoreApplication.translate("WhysPage", u"Enter: sibling \u00b7 Tab: ask why \u00b7 Shift+Tab: out \u00b7 F2: edit", None))
        self.keysHintLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"hint", None))
        self.detailCard.setProperty(u"role", QCoreApplication.translate("WhysPage", u"card", None))
        self.detailTitleLabel.setText(QCoreApplication.translate("WhysPage", u"Selected why", None))
        self.detailTitleLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"sectionTitle", None))
        self.levelLabel.setText("")
        self.levelLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"hint", None))
        self.whyTextEdit.setPlaceholderText(QCoreApplication.translate("WhysPage", u"What made that possible? Name a condition, not a person.", None))
#if QT_CONFIG(accessibility)
        self.whyTextEdit.setAccessibleName(QCoreApplication.translate("WhysPage", u"Text of the selected why", None))
#endif // QT_CONFIG(accessibility)
        self.personHintLabel.setText("")
        self.personHintLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"warning", None))
        self.promptsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.promptsLabel.setAccessibleName(QCoreApplication.translate("WhysPage", u"Questions to ask the room", None))
#endif // QT_CONFIG(accessibility)
        self.factorCheckBox.setText(QCoreApplication.translate("WhysPage", u"Contributing factor", None))
#if QT_CONFIG(accessibility)
        self.factorCheckBox.setAccessibleName(QCoreApplication.translate("WhysPage", u"Mark as a contributing factor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("WhysPage", u"Category of the contributing factor", None))
#endif // QT_CONFIG(accessibility)
        self.evidenceTitleLabel.setText(QCoreApplication.translate("WhysPage", u"Evidence from the timeline", None))
        self.evidenceTitleLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"muted", None))
        self.linkEvidenceButton.setText(QCoreApplication.translate("WhysPage", u"Link event\u2026", None))
#if QT_CONFIG(tooltip)
        self.linkEvidenceButton.setToolTip(QCoreApplication.translate("WhysPage", u"Link this why to the timeline event that supports it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.linkEvidenceButton.setAccessibleName(QCoreApplication.translate("WhysPage", u"Link a timeline event as evidence", None))
#endif // QT_CONFIG(accessibility)
        self.linkEvidenceButton.setProperty(u"role", QCoreApplication.translate("WhysPage", u"flat", None))
#if QT_CONFIG(accessibility)
        self.evidenceChips.setAccessibleName(QCoreApplication.translate("WhysPage", u"Linked timeline events", None))
#endif // QT_CONFIG(accessibility)
        self.diagramCard.setProperty(u"role", QCoreApplication.translate("WhysPage", u"card", None))
        self.diagramTitleLabel.setText(QCoreApplication.translate("WhysPage", u"Diagram", None))
        self.diagramTitleLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"sectionTitle", None))
        self.diagramSummaryLabel.setText("")
        self.diagramSummaryLabel.setProperty(u"role", QCoreApplication.translate("WhysPage", u"hint", None))
        pass
    # retranslateUi

