# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'prepare_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QTableView, QVBoxLayout, QWidget)

class Ui_PreparePage(object):
    def setupUi(self, PreparePage):
        if not PreparePage.objectName():
            PreparePage.setObjectName(u"PreparePage")
        PreparePage.resize(1008, 1400)
        self.pageLayout = QVBoxLayout(PreparePage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(PreparePage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setSpacing(20)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(28, 20, 28, 32)
        self.statusLayout = QHBoxLayout()
        self.statusLayout.setSpacing(12)
        self.statusLayout.setObjectName(u"statusLayout")
        self.readinessSummaryLabel = QLabel(self.scrollContents)
        self.readinessSummaryLabel.setObjectName(u"readinessSummaryLabel")

        self.statusLayout.addWidget(self.readinessSummaryLabel)

        self.showChecklistButton = QPushButton(self.scrollContents)
        self.showChecklistButton.setObjectName(u"showChecklistButton")

        self.statusLayout.addWidget(self.showChecklistButton)

        self.statusSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusLayout.addItem(self.statusSpacer)


        self.contentLayout.addLayout(self.statusLayout)

        self.messageLabel = QLabel(self.scrollContents)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.messageLabel)

        self.cardsGrid = QGridLayout()
        self.cardsGrid.setObjectName(u"cardsGrid")
        self.cardsGrid.setHorizontalSpacing(20)
        self.cardsGrid.setVerticalSpacing(20)
        self.leftTopColumn = QVBoxLayout()
        self.leftTopColumn.setSpacing(20)
        self.leftTopColumn.setObjectName(u"leftTopColumn")
        self.factsCard = QFrame(self.scrollContents)
        self.factsCard.setObjectName(u"factsCard")
        self.factsLayout = QVBoxLayout(self.factsCard)
        self.factsLayout.setSpacing(12)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setContentsMargins(20, 16, 20, 20)
        self.factsTitle = QLabel(self.factsCard)
        self.factsTitle.setObjectName(u"factsTitle")

        self.factsLayout.addWidget(self.factsTitle)

        self.factsForm = QFormLayout()
        self.factsForm.setObjectName(u"factsForm")
        self.factsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.factsForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.factsForm.setHorizontalSpacing(16)
        self.factsForm.setVerticalSpacing(10)
        self.titleLabel = QLabel(self.factsCard)
        self.titleLabel.setObjectName(u"titleLabel")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.factsCard)
        self.titleEdit.setObjectName(u"titleEdit")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.keyLabel = QLabel(self.factsCard)
        self.keyLabel.setObjectName(u"keyLabel")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyEdit = QLineEdit(self.factsCard)
        self.keyEdit.setObjectName(u"keyEdit")
        self.keyEdit.setMaximumSize(QSize(200, 16777215))

        self.factsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keyEdit)

        self.severityLabel = QLabel(self.factsCard)
        self.severityLabel.setObjectName(u"severityLabel")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.severityLabel)

        self.severityLayout = QHBoxLayout()
        self.severityLayout.setSpacing(10)
        self.severityLayout.setObjectName(u"severityLayout")
        self.severityCombo = QComboBox(self.factsCard)
        self.severityCombo.setObjectName(u"severityCombo")
        self.severityCombo.setMinimumSize(QSize(176, 0))

        self.severityLayout.addWidget(self.severityCombo)

        self.severityHint = QLabel(self.factsCard)
        self.severityHint.setObjectName(u"severityHint")
        self.severityHint.setWordWrap(True)

        self.severityLayout.addWidget(self.severityHint)


        self.factsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.severityLayout)

        self.servicesLabel = QLabel(self.factsCard)
        self.servicesLabel.setObjectName(u"servicesLabel")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.servicesLabel)

        self.servicesEdit = QLineEdit(self.factsCard)
        self.servicesEdit.setObjectName(u"servicesEdit")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.servicesEdit)


        self.factsLayout.addLayout(self.factsForm)

        self.summaryLabel = QLabel(self.factsCard)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.factsLayout.addWidget(self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.factsCard)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMinimumSize(QSize(0, 104))
        self.summaryEdit.setMaximumSize(QSize(16777215, 150))
        self.summaryEdit.setTabChangesFocus(True)

        self.factsLayout.addWidget(self.summaryEdit)


        self.leftTopColumn.addWidget(self.factsCard)

        self.impactCard = QFrame(self.scrollContents)
        self.impactCard.setObjectName(u"impactCard")
        self.impactLayout = QVBoxLayout(self.impactCard)
        self.impactLayout.setSpacing(12)
        self.impactLayout.setObjectName(u"impactLayout")
        self.impactLayout.setContentsMargins(20, 16, 20, 20)
        self.impactTitle = QLabel(self.impactCard)
        self.impactTitle.setObjectName(u"impactTitle")

        self.impactLayout.addWidget(self.impactTitle)

        self.impactEdit = QPlainTextEdit(self.impactCard)
        self.impactEdit.setObjectName(u"impactEdit")
        self.impactEdit.setMinimumSize(QSize(0, 80))
        self.impactEdit.setMaximumSize(QSize(16777215, 120))
        self.impactEdit.setTabChangesFocus(True)

        self.impactLayout.addWidget(self.impactEdit)

        self.numbersGrid = QGridLayout()
        self.numbersGrid.setObjectName(u"numbersGrid")
        self.numbersGrid.setHorizontalSpacing(14)
        self.numbersGrid.setVerticalSpacing(4)
        self.usersLabel = QLabel(self.impactCard)
        self.usersLabel.setObjectName(u"usersLabel")

        self.numbersGrid.addWidget(self.usersLabel, 0, 0, 1, 1)

        self.minutesLabel = QLabel(self.impactCard)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.numbersGrid.addWidget(self.minutesLabel, 0, 1, 1, 1)

        self.ticketsLabel = QLabel(self.impactCard)
        self.ticketsLabel.setObjectName(u"ticketsLabel")

        self.numbersGrid.addWidget(self.ticketsLabel, 0, 2, 1, 1)

        self.usersSpin = QSpinBox(self.impactCard)
        self.usersSpin.setObjectName(u"usersSpin")

        self.numbersGrid.addWidget(self.usersSpin, 1, 0, 1, 1)

        self.minutesSpin = QSpinBox(self.impactCard)
        self.minutesSpin.setObjectName(u"minutesSpin")

        self.numbersGrid.addWidget(self.minutesSpin, 1, 1, 1, 1)

        self.ticketsSpin = QSpinBox(self.impactCard)
        self.ticketsSpin.setObjectName(u"ticketsSpin")

        self.numbersGrid.addWidget(self.ticketsSpin, 1, 2, 1, 1)


        self.impactLayout.addLayout(self.numbersGrid)

        self.impactSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.impactLayout.addItem(self.impactSpacer)


        self.leftTopColumn.addWidget(self.impactCard)


        self.cardsGrid.addLayout(self.leftTopColumn, 0, 0, 1, 1)

        self.rightTopColumn = QVBoxLayout()
        self.rightTopColumn.setSpacing(20)
        self.rightTopColumn.setObjectName(u"rightTopColumn")
        self.timesCard = QFrame(self.scrollContents)
        self.timesCard.setObjectName(u"timesCard")
        self.timesLayout = QVBoxLayout(self.timesCard)
        self.timesLayout.setSpacing(12)
        self.timesLayout.setObjectName(u"timesLayout")
        self.timesLayout.setContentsMargins(20, 16, 20, 20)
        self.timesTitle = QLabel(self.timesCard)
        self.timesTitle.setObjectName(u"timesTitle")

        self.timesLayout.addWidget(self.timesTitle)

        self.timesGrid = QGridLayout()
        self.timesGrid.setObjectName(u"timesGrid")
        self.timesGrid.setHorizontalSpacing(10)
        self.timesGrid.setVerticalSpacing(8)
        self.zoneLabel = QLabel(self.timesCard)
        self.zoneLabel.setObjectName(u"zoneLabel")

        self.timesGrid.addWidget(self.zoneLabel, 0, 0, 1, 1)

        self.zoneCombo = QComboBox(self.timesCard)
        self.zoneCombo.setObjectName(u"zoneCombo")
        self.zoneCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zoneCombo.setMinimumContentsLength(16)

        self.timesGrid.addWidget(self.zoneCombo, 0, 1, 1, 3)

        self.startedLabel = QLabel(self.timesCard)
        self.startedLabel.setObjectName(u"startedLabel")

        self.timesGrid.addWidget(self.startedLabel, 1, 0, 1, 1)

        self.startedEdit = QLineEdit(self.timesCard)
        self.startedEdit.setObjectName(u"startedEdit")

        self.timesGrid.addWidget(self.startedEdit, 1, 1, 1, 1)

        self.startedNowButton = QPushButton(self.timesCard)
        self.startedNowButton.setObjectName(u"startedNowButton")

        self.timesGrid.addWidget(self.startedNowButton, 1, 2, 1, 1)

        self.startedUtcLabel = QLabel(self.timesCard)
        self.startedUtcLabel.setObjectName(u"startedUtcLabel")

        self.timesGrid.addWidget(self.startedUtcLabel, 1, 3, 1, 1)

        self.detectedLabel = QLabel(self.timesCard)
        self.detectedLabel.setObjectName(u"detectedLabel")

        self.timesGrid.addWidget(self.detectedLabel, 2, 0, 1, 1)

        self.detectedEdit = QLineEdit(self.timesCard)
        self.detectedEdit.setObjectName(u"detectedEdit")

        self.timesGrid.addWidget(self.detectedEdit, 2, 1, 1, 1)

        self.detectedNowButton = QPushButton(self.timesCard)
        self.detectedNowButton.setObjectName(u"detectedNowButton")

        self.timesGrid.addWidget(self.detectedNowButton, 2, 2, 1, 1)

        self.detectedUtcLabel = QLabel(self.timesCard)
        self.detectedUtcLabel.setObjectName(u"detectedUtcLabel")

        self.timesGrid.addWidget(self.detectedUtcLabel, 2, 3, 1, 1)

        self.acknowledgedLabel = QLabel(self.timesCard)
        self.acknowledgedLabel.setObjectName(u"acknowledgedLabel")

        self.timesGrid.addWidget(self.acknowledgedLabel, 3, 0, 1, 1)

        self.acknowledgedEdit = QLineEdit(self.timesCard)
        self.acknowledgedEdit.setObjectName(u"acknowledgedEdit")

        self.timesGrid.addWidget(self.acknowledgedEdit, 3, 1, 1, 1)

        self.acknowledgedNowButton = QPushButton(self.timesCard)
        self.acknowledgedNowButton.setObjectName(u"acknowledgedNowButton")

        self.timesGrid.addWidget(self.acknowledgedNowButton, 3, 2, 1, 1)

        self.acknowledgedUtcLabel = QLabel(self.timesCard)
        self.acknowledgedUtcLabel.setObjectName(u"acknowledgedUtcLabel")

        self.timesGrid.addWidget(self.acknowledgedUtcLabel, 3, 3, 1, 1)

        self.mitigatedLabel = QLabel(self.timesCard)
        self.mitigatedLabel.setObjectName(u"mitigatedLabel")

        self.timesGrid.addWidget(self.mitigatedLabel, 4, 0, 1, 1)

        self.mitigatedEdit = QLineEdit(self.timesCard)
        self.mitigatedEdit.setObjectName(u"mitigatedEdit")

        self.timesGrid.addWidget(self.mitigatedEdit, 4, 1, 1, 1)

        self.mitigatedNowButton = QPushButton(self.timesCard)
        self.mitigatedNowButton.setObjectName(u"mitigatedNowButton")

        self.timesGrid.addWidget(self.mitigatedNowButton, 4, 2, 1, 1)

        self.mitigatedUtcLabel = QLabel(self.timesCard)
        self.mitigatedUtcLabel.setObjectName(u"mitigatedUtcLabel")

        self.timesGrid.addWidget(self.mitigatedUtcLabel, 4, 3, 1, 1)

        self.resolvedLabel = QLabel(self.timesCard)
        self.resolvedLabel.setObjectName(u"resolvedLabel")

        self.timesGrid.addWidget(self.resolvedLabel, 5, 0, 1, 1)

        self.resolvedEdit = QLineEdit(self.timesCard)
        self.resolvedEdit.setObjectName(u"resolvedEdit")

        self.timesGrid.addWidget(self.resolvedEdit, 5, 1, 1, 1)

        self.resolvedNowButton = QPushButton(self.timesCard)
        self.resolvedNowButton.setObjectName(u"resolvedNowButton")

        self.timesGrid.addWidget(self.resolvedNowButton, 5, 2, 1, 1)

        self.resolvedUtcLabel = QLabel(self.timesCard)
        self.resolvedUtcLabel.setObjectName(u"resolvedUtcLabel")

        self.timesGrid.addWidget(self.resolvedUtcLabel, 5, 3, 1, 1)

        self.timesGrid.setColumnStretch(1, 1)

        self.timesLayout.addLayout(self.timesGrid)

        self.timesHint = QLabel(self.timesCard)
        self.timesHint.setObjectName(u"timesHint")
        self.timesHint.setWordWrap(True)

        self.timesLayout.addWidget(self.timesHint)

        self.orderWarningLabel = QLabel(self.timesCard)
        self.orderWarningLabel.setObjectName(u"orderWarningLabel")
        self.orderWarningLabel.setWordWrap(True)

        self.timesLayout.addWidget(self.orderWarningLabel)

        self.durationsFrame = QFrame(self.timesCard)
        self.durationsFrame.setObjectName(u"durationsFrame")
        self.durationsGrid = QGridLayout(self.durationsFrame)
        self.durationsGrid.setObjectName(u"durationsGrid")
        self.durationsGrid.setHorizontalSpacing(10)
        self.durationsGrid.setVerticalSpacing(0)
        self.durationsGrid.setContentsMargins(0, 4, 0, 0)
        self.detectValue = QLabel(self.durationsFrame)
        self.detectValue.setObjectName(u"detectValue")

        self.durationsGrid.addWidget(self.detectValue, 0, 0, 1, 1)

        self.acknowledgeValue = QLabel(self.durationsFrame)
        self.acknowledgeValue.setObjectName(u"acknowledgeValue")

        self.durationsGrid.addWidget(self.acknowledgeValue, 0, 1, 1, 1)

        self.mitigateValue = QLabel(self.durationsFrame)
        self.mitigateValue.setObjectName(u"mitigateValue")

        self.durationsGrid.addWidget(self.mitigateValue, 0, 2, 1, 1)

        self.resolveValue = QLabel(self.durationsFrame)
        self.resolveValue.setObjectName(u"resolveValue")

        self.durationsGrid.addWidget(self.resolveValue, 0, 3, 1, 1)

        self.detectCaption = QLabel(self.durationsFrame)
        self.detectCaption.setObjectName(u"detectCaption")

        self.durationsGrid.addWidget(self.detectCaption, 1, 0, 1, 1)

        self.acknowledgeCaption = QLabel(self.durationsFrame)
        self.acknowledgeCaption.setObjectName(u"acknowledgeCaption")

        self.durationsGrid.addWidget(self.acknowledgeCaption, 1, 1, 1, 1)

        self.mitigateCaption = QLabel(self.durationsFrame)
        self.mitigateCaption.setObjectName(u"mitigateCaption")

        self.durationsGrid.addWidget(self.mitigateCaption, 1, 2, 1, 1)

        self.resolveCaption = QLabel(self.durationsFrame)
        self.resolveCaption.setObjectName(u"resolveCaption")

        self.durationsGrid.addWidget(self.resolveCaption, 1, 3, 1, 1)


        self.timesLayout.addWidget(self.durationsFrame)


        self.rightTopColumn.addWidget(self.timesCard)

        self.meetingCard = QFrame(self.scrollContents)
        self.meetingCard.setObjectName(u"meetingCard")
        self.meetingLayout = QVBoxLayout(self.meetingCard)
        self.meetingLayout.setSpacing(12)
        self.meetingLayout.setObjectName(u"meetingLayout")
        self.meetingLayout.setContentsMargins(20, 16, 20, 20)
        self.meetingTitle = QLabel(self.meetingCard)
        self.meetingTitle.setObjectName(u"meetingTitle")

        self.meetingLayout.addWidget(self.meetingTitle)

        self.meetingGrid = QGridLayout()
        self.meetingGrid.setObjectName(u"meetingGrid")
        self.meetingGrid.setHorizontalSpacing(10)
        self.meetingGrid.setVerticalSpacing(10)
        self.meetingDateLabel = QLabel(self.meetingCard)
        self.meetingDateLabel.setObjectName(u"meetingDateLabel")

        self.meetingGrid.addWidget(self.meetingDateLabel, 0, 0, 1, 1)

        self.meetingEdit = QLineEdit(self.meetingCard)
        self.meetingEdit.setObjectName(u"meetingEdit")

        self.meetingGrid.addWidget(self.meetingEdit, 0, 1, 1, 1)

        self.meetingUtcLabel = QLabel(self.meetingCard)
        self.meetingUtcLabel.setObjectName(u"meetingUtcLabel")

        self.meetingGrid.addWidget(self.meetingUtcLabel, 0, 2, 1, 1)

        self.lengthLabel = QLabel(self.meetingCard)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.meetingGrid.addWidget(self.lengthLabel, 1, 0, 1, 1)

        self.lengthValue = QLabel(self.meetingCard)
        self.lengthValue.setObjectName(u"lengthValue")

        self.meetingGrid.addWidget(self.lengthValue, 1, 1, 1, 2)

        self.meetingGrid.setColumnStretch(1, 1)

        self.meetingLayout.addLayout(self.meetingGrid)

        self.lateLabel = QLabel(self.meetingCard)
        self.lateLabel.setObjectName(u"lateLabel")
        self.lateLabel.setWordWrap(True)

        self.meetingLayout.addWidget(self.lateLabel)

        self.meetingSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.meetingLayout.addItem(self.meetingSpacer)


        self.rightTopColumn.addWidget(self.meetingCard)


        self.cardsGrid.addLayout(self.rightTopColumn, 0, 1, 1, 1)

        self.evidenceCard = QFrame(self.scrollContents)
        self.evidenceCard.setObjectName(u"evidenceCard")
        self.evidenceLayout = QVBoxLayout(self.evidenceCard)
        self.evidenceLayout.setSpacing(10)
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceLayout.setContentsMargins(20, 16, 20, 20)
        self.evidenceHeader = QHBoxLayout()
        self.evidenceHeader.setObjectName(u"evidenceHeader")
        self.evidenceTitle = QLabel(self.evidenceCard)
        self.evidenceTitle.setObjectName(u"evidenceTitle")

        self.evidenceHeader.addWidget(self.evidenceTitle)

        self.evidenceHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceHeader.addItem(self.evidenceHeaderSpacer)

        self.openLinkButton = QPushButton(self.evidenceCard)
        self.openLinkButton.setObjectName(u"openLinkButton")

        self.evidenceHeader.addWidget(self.openLinkButton)

        self.removeLinkButton = QPushButton(self.evidenceCard)
        self.removeLinkButton.setObjectName(u"removeLinkButton")

        self.evidenceHeader.addWidget(self.removeLinkButton)


        self.evidenceLayout.addLayout(self.evidenceHeader)

        self.evidenceHint = QLabel(self.evidenceCard)
        self.evidenceHint.setObjectName(u"evidenceHint")
        self.evidenceHint.setWordWrap(True)

        self.evidenceLayout.addWidget(self.evidenceHint)

        self.evidenceTable = QTableView(self.evidenceCard)
        self.evidenceTable.setObjectName(u"evidenceTable")
        self.evidenceTable.setMinimumSize(QSize(0, 170))
        self.evidenceTable.setAlternatingRowColors(True)
        self.evidenceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidenceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidenceTable.setShowGrid(False)
        self.evidenceTable.setWordWrap(False)

        self.evidenceLayout.addWidget(self.evidenceTable)

        self.addLinkRow = QHBoxLayout()
        self.addLinkRow.setSpacing(8)
        self.addLinkRow.setObjectName(u"addLinkRow")
        self.linkTitleEdit = QLineEdit(self.evidenceCard)
        self.linkTitleEdit.setObjectName(u"linkTitleEdit")

        self.addLinkRow.addWidget(self.linkTitleEdit)

        self.linkUrlEdit = QLineEdit(self.evidenceCard)
        self.linkUrlEdit.setObjectName(u"linkUrlEdit")

        self.addLinkRow.addWidget(self.linkUrlEdit)

        self.linkKindCombo = QComboBox(self.evidenceCard)
        self.linkKindCombo.setObjectName(u"linkKindCombo")

        self.addLinkRow.addWidget(self.linkKindCombo)

        self.addLinkButton = QPushButton(self.evidenceCard)
        self.addLinkButton.setObjectName(u"addLinkButton")

        self.addLinkRow.addWidget(self.addLinkButton)

        self.addLinkRow.setStretch(0, 2)
        self.addLinkRow.setStretch(1, 3)

        self.evidenceLayout.addLayout(self.addLinkRow)


        self.cardsGrid.addWidget(self.evidenceCard, 1, 0, 1, 2)

        self.attendeesCard = QFrame(self.scrollContents)
        self.attendeesCard.setObjectName(u"attendeesCard")
        self.attendeesLayout = QVBoxLayout(self.attendeesCard)
        self.attendeesLayout.setSpacing(10)
        self.attendeesLayout.setObjectName(u"attendeesLayout")
        self.attendeesLayout.setContentsMargins(20, 16, 20, 20)
        self.attendeesHeader = QHBoxLayout()
        self.attendeesHeader.setObjectName(u"attendeesHeader")
        self.attendeesTitle = QLabel(self.attendeesCard)
        self.attendeesTitle.setObjectName(u"attendeesTitle")

        self.attendeesHeader.addWidget(self.attendeesTitle)

        self.attendeesHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendeesHeader.addItem(self.attendeesHeaderSpacer)

        self.suggestButton = QPushButton(self.attendeesCard)
        self.suggestButton.setObjectName(u"suggestButton")
        self.suggestButton.setCheckable(True)

        self.attendeesHeader.addWidget(self.suggestButton)

        self.removePersonButton = QPushButton(self.attendeesCard)
        self.removePersonButton.setObjectName(u"removePersonButton")

        self.attendeesHeader.addWidget(self.removePersonButton)


        self.attendeesLayout.addLayout(self.attendeesHeader)

        self.attendeesHint = QLabel(self.attendeesCard)
        self.attendeesHint.setObjectName(u"attendeesHint")
        self.attendeesHint.setWordWrap(True)

        self.attendeesLayout.addWidget(self.attendeesHint)

        self.suggestionsFrame = QFrame(self.attendeesCard)
        self.suggestionsFrame.setObjectName(u"suggestionsFrame")
        self.suggestionsLayout = QVBoxLayout(self.suggestionsFrame)
        self.suggestionsLayout.setSpacing(6)
        self.suggestionsLayout.setObjectName(u"suggestionsLayout")
        self.suggestionsLayout.setContentsMargins(0, 0, 0, 4)
        self.suggestionsLabel = QLabel(self.suggestionsFrame)
        self.suggestionsLabel.setObjectName(u"suggestionsLabel")
        self.suggestionsLabel.setWordWrap(True)

        self.suggestionsLayout.addWidget(self.suggestionsLabel)


        self.attendeesLayout.addWidget(self.suggestionsFrame)

        self.attendeesTable = QTableView(self.attendeesCard)
        self.attendeesTable.setObjectName(u"attendeesTable")
        self.attendeesTable.setMinimumSize(QSize(0, 170))
        self.attendeesTable.setAlternatingRowColors(True)
        self.attendeesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendeesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendeesTable.setShowGrid(False)
        self.attendeesTable.setWordWrap(False)

        self.attendeesLayout.addWidget(self.attendeesTable)

        self.addPersonRow = QHBoxLayout()
        self.addPersonRow.setSpacing(8)
        self.addPersonRow.setObjectName(u"addPersonRow")
        self.personNameEdit = QLineEdit(self.attendeesCard)
        self.personNameEdit.setObjectName(u"personNameEdit")

        self.addPersonRow.addWidget(self.personNameEdit)

        self.personTeamEdit = QLineEdit(self.attendeesCard)
        self.personTeamEdit.setObjectName(u"personTeamEdit")
        self.personTeamEdit.setMaximumSize(QSize(140, 16777215))

        self.addPersonRow.addWidget(self.personTeamEdit)

        self.addPersonButton = QPushButton(self.attendeesCard)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.addPersonRow.addWidget(self.addPersonButton)


        self.attendeesLayout.addLayout(self.addPersonRow)


        self.cardsGrid.addWidget(self.attendeesCard, 2, 0, 1, 2)

        self.readinessCard = QFrame(self.scrollContents)
        self.readinessCard.setObjectName(u"readinessCard")
        self.readinessLayout = QVBoxLayout(self.readinessCard)
        self.readinessLayout.setSpacing(10)
        self.readinessLayout.setObjectName(u"readinessLayout")
        self.readinessLayout.setContentsMargins(20, 16, 20, 20)
        self.readinessTitle = QLabel(self.readinessCard)
        self.readinessTitle.setObjectName(u"readinessTitle")

        self.readinessLayout.addWidget(self.readinessTitle)

        self.readinessGrid = QGridLayout()
        self.readinessGrid.setObjectName(u"readinessGrid")
        self.readinessGrid.setHorizontalSpacing(12)
        self.readinessGrid.setVerticalSpacing(10)
        self.readinessGrid.setColumnStretch(1, 1)

        self.readinessLayout.addLayout(self.readinessGrid)

        self.readinessSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.readinessLayout.addItem(self.readinessSpacer)


        self.cardsGrid.addWidget(self.readinessCard, 3, 0, 1, 1)

        self.notesCard = QFrame(self.scrollContents)
        self.notesCard.setObjectName(u"notesCard")
        self.notesLayout = QVBoxLayout(self.notesCard)
        self.notesLayout.setSpacing(10)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesLayout.setContentsMargins(20, 16, 20, 20)
        self.notesHeader = QHBoxLayout()
        self.notesHeader.setSpacing(10)
        self.notesHeader.setObjectName(u"notesHeader")
        self.notesTitle = QLabel(self.notesCard)
        self.notesTitle.setObjectName(u"notesTitle")

        self.notesHeader.addWidget(self.notesTitle)

        self.privateBadge = QLabel(self.notesCard)
        self.privateBadge.setObjectName(u"privateBadge")

        self.notesHeader.addWidget(self.privateBadge)

        self.notesHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.notesHeader.addItem(self.notesHeaderSpacer)


        self.notesLayout.addLayout(self.notesHeader)

        self.notesHint = QLabel(self.notesCard)
        self.notesHint.setObjectName(u"notesHint")
        self.notesHint.setWordWrap(True)

        self.notesLayout.addWidget(self.notesHint)

        self.notesEdit = QPlainTextEdit(self.notesCard)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 120))
        self.notesEdit.setTabChangesFocus(True)

        self.notesLayout.addWidget(self.notesEdit)


        self.cardsGrid.addWidget(self.notesCard, 3, 1, 1, 1)

        self.cardsGrid.setColumnStretch(0, 1)
        self.cardsGrid.setColumnStretch(1, 1)

        self.contentLayout.addLayout(self.cardsGrid)

        self.contentSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.contentSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.pageLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.keyLabel.setBuddy(self.keyEdit)
        self.severityLabel.setBuddy(self.severityCombo)
        self.servicesLabel.setBuddy(self.servicesEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.usersLabel.setBuddy(self.usersSpin)
        self.minutesLabel.setBuddy(self.minutesSpin)
        self.ticketsLabel.setBuddy(self.ticketsSpin)
        self.zoneLabel.setBuddy(self.zoneCombo)
        self.startedLabel.setBuddy(self.startedEdit)
        self.detectedLabel.setBuddy(self.detectedEdit)
        self.acknowledgedLabel.setBuddy(self.acknowledgedEdit)
        self.mitigatedLabel.setBuddy(self.mitigatedEdit)
        self.resolvedLabel.setBuddy(self.resolvedEdit)
        self.meetingDateLabel.setBuddy(self.meetingEdit)
        self.notesTitle.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreparePage)
    # setupUi

    def retranslateUi(self, PreparePage):
#if QT_CONFIG(accessibility)
        self.scrollArea.setAccessibleName(QCoreApplication.translate("PreparePage", u"Prepare the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.readinessSummaryLabel.setText("")
        self.readinessSummaryLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"success", None))
        self.showChecklistButton.setText(QCoreApplication.translate("PreparePage", u"Show the checklist", None))
#if QT_CONFIG(accessibility)
        self.showChecklistButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Scroll to the readiness checklist", None))
#endif // QT_CONFIG(accessibility)
        self.showChecklistButton.setProperty(u"role", QCoreApplication.translate("PreparePage", u"flat", None))
        self.messageLabel.setText("")
        self.messageLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"danger", None))
        self.factsCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.factsTitle.setText(QCoreApplication.translate("PreparePage", u"Incident facts", None))
        self.factsTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.titleLabel.setText(QCoreApplication.translate("PreparePage", u"&Title", None))
        self.titleLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"What happened, in a few words", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.keyLabel.setText(QCoreApplication.translate("PreparePage", u"Incident &key", None))
        self.keyLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.keyEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"INC-1234", None))
#if QT_CONFIG(accessibility)
        self.keyEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Incident key", None))
#endif // QT_CONFIG(accessibility)
        self.severityLabel.setText(QCoreApplication.translate("PreparePage", u"Se&verity", None))
        self.severityLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.severityCombo.setAccessibleName(QCoreApplication.translate("PreparePage", u"Severity", None))
#endif // QT_CONFIG(accessibility)
        self.severityHint.setText("")
        self.severityHint.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.servicesLabel.setText(QCoreApplication.translate("PreparePage", u"Ser&vices", None))
        self.servicesLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.servicesEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"checkout, orders-api, orders-db", None))
#if QT_CONFIG(accessibility)
        self.servicesEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Services affected, separated by commas", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("PreparePage", u"&Summary", None))
        self.summaryLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Two or three sentences for the pre-read: what people saw, what caused it, how it ended.", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.impactCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.impactTitle.setText(QCoreApplication.translate("PreparePage", u"Impact", None))
        self.impactTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.impactEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Who was affected, how, and for how long.", None))
#if QT_CONFIG(accessibility)
        self.impactEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Impact", None))
#endif // QT_CONFIG(accessibility)
        self.usersLabel.setText(QCoreApplication.translate("PreparePage", u"&Users affected", None))
        self.usersLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.minutesLabel.setText(QCoreApplication.translate("PreparePage", u"Impact &minutes", None))
        self.minutesLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.ticketsLabel.setText(QCoreApplication.translate("PreparePage", u"Support tic&kets", None))
        self.ticketsLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.usersSpin.setAccessibleName(QCoreApplication.translate("PreparePage", u"Users affected", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.minutesSpin.setAccessibleName(QCoreApplication.translate("PreparePage", u"Impact minutes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.ticketsSpin.setAccessibleName(QCoreApplication.translate("PreparePage", u"Support tickets", None))
#endif // QT_CONFIG(accessibility)
        self.timesCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.timesTitle.setText(QCoreApplication.translate("PreparePage", u"Key times", None))
        self.timesTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.zoneLabel.setText(QCoreApplication.translate("PreparePage", u"&Time zone", None))
        self.zoneLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
#if QT_CONFIG(tooltip)
        self.zoneCombo.setToolTip(QCoreApplication.translate("PreparePage", u"The zone the times below are typed and shown in. Summer time is its own offset: London in summer is UTC+01:00, Berlin UTC+02:00.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoneCombo.setAccessibleName(QCoreApplication.translate("PreparePage", u"The incident's time zone", None))
#endif // QT_CONFIG(accessibility)
        self.startedLabel.setText(QCoreApplication.translate("PreparePage", u"Started", None))
        self.startedLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.startedNowButton.setText(QCoreApplication.translate("PreparePage", u"Now", None))
        self.startedUtcLabel.setText("")
        self.startedUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.detectedLabel.setText(QCoreApplication.translate("PreparePage", u"Detected", None))
        self.detectedLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.detectedNowButton.setText(QCoreApplication.translate("PreparePage", u"Now", None))
        self.detectedUtcLabel.setText("")
        self.detectedUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.acknowledgedLabel.setText(QCoreApplication.translate("PreparePage", u"Acknowledged", None))
        self.acknowledgedLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.acknowledgedNowButton.setText(QCoreApplication.translate("PreparePage", u"Now", None))
        self.acknowledgedUtcLabel.setText("")
        self.acknowledgedUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.mitigatedLabel.setText(QCoreApplication.translate("PreparePage", u"Mitigated", None))
        self.mitigatedLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.mitigatedNowButton.setText(QCoreApplication.translate("PreparePage", u"Now", None))
        self.mitigatedUtcLabel.setText("")
        self.mitigatedUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.resolvedLabel.setText(QCoreApplication.translate("PreparePage", u"Resolved", None))
        self.resolvedLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.resolvedNowButton.setText(QCoreApplication.translate("PreparePage", u"Now", None))
        self.resolvedUtcLabel.setText("")
        self.resolvedUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.timesHint.setText(QCoreApplication.translate("PreparePage", u"Type 2026-11-18 13:47, or only 13:47 for the incident's first day, or \u201cnow\u201d. Times are shown in the incident's zone and stored in UTC.", None))
        self.timesHint.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.orderWarningLabel.setText("")
        self.orderWarningLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"warning", None))
        self.detectValue.setText(QCoreApplication.translate("PreparePage", u"\u2014", None))
        self.acknowledgeValue.setText(QCoreApplication.translate("PreparePage", u"\u2014", None))
        self.mitigateValue.setText(QCoreApplication.translate("PreparePage", u"\u2014", None))
        self.resolveValue.setText(QCoreApplication.translate("PreparePage", u"\u2014", None))
        self.detectCaption.setText(QCoreApplication.translate("PreparePage", u"to detect", None))
        self.detectCaption.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.acknowledgeCaption.setText(QCoreApplication.translate("PreparePage", u"to acknowledge", None))
        self.acknowledgeCaption.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.mitigateCaption.setText(QCoreApplication.translate("PreparePage", u"to mitigate", None))
        self.mitigateCaption.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.resolveCaption.setText(QCoreApplication.translate("PreparePage", u"to resolve", None))
        self.resolveCaption.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.meetingCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.meetingTitle.setText(QCoreApplication.translate("PreparePage", u"The meeting", None))
        self.meetingTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.meetingDateLabel.setText(QCoreApplication.translate("PreparePage", u"&Date and time", None))
        self.meetingDateLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.meetingUtcLabel.setText("")
        self.meetingUtcLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.lengthLabel.setText(QCoreApplication.translate("PreparePage", u"Planned length", None))
        self.lengthLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.lengthValue.setText("")
        self.lateLabel.setText("")
        self.lateLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
        self.evidenceCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.evidenceTitle.setText(QCoreApplication.translate("PreparePage", u"Evidence", None))
        self.evidenceTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.openLinkButton.setText(QCoreApplication.translate("PreparePage", u"Open", None))
#if QT_CONFIG(accessibility)
        self.openLinkButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Open the selected link in the browser", None))
#endif // QT_CONFIG(accessibility)
        self.removeLinkButton.setText(QCoreApplication.translate("PreparePage", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.removeLinkButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Remove the selected link", None))
#endif // QT_CONFIG(accessibility)
        self.evidenceHint.setText(QCoreApplication.translate("PreparePage", u"Dashboards, log searches, chat threads. Enter or double-click opens a link in the browser.", None))
        self.evidenceHint.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
#if QT_CONFIG(accessibility)
        self.evidenceTable.setAccessibleName(QCoreApplication.translate("PreparePage", u"Evidence links", None))
#endif // QT_CONFIG(accessibility)
        self.linkTitleEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Title, e.g. Checkout latency dashboard", None))
#if QT_CONFIG(accessibility)
        self.linkTitleEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Title of a new link", None))
#endif // QT_CONFIG(accessibility)
        self.linkUrlEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"https://\u2026", None))
#if QT_CONFIG(accessibility)
        self.linkUrlEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Address of the new link", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.linkKindCombo.setAccessibleName(QCoreApplication.translate("PreparePage", u"Kind of the new link", None))
#endif // QT_CONFIG(accessibility)
        self.addLinkButton.setText(QCoreApplication.translate("PreparePage", u"Add link", None))
#if QT_CONFIG(accessibility)
        self.addLinkButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Add the link", None))
#endif // QT_CONFIG(accessibility)
        self.attendeesCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.attendeesTitle.setText(QCoreApplication.translate("PreparePage", u"Attendees", None))
        self.attendeesTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.suggestButton.setText(QCoreApplication.translate("PreparePage", u"Suggest from timeline", None))
#if QT_CONFIG(accessibility)
        self.suggestButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Suggest people who appear in the timeline", None))
#endif // QT_CONFIG(accessibility)
        self.removePersonButton.setText(QCoreApplication.translate("PreparePage", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.removePersonButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Remove the selected person", None))
#endif // QT_CONFIG(accessibility)
        self.attendeesHint.setText("")
        self.attendeesHint.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.suggestionsLabel.setText("")
        self.suggestionsLabel.setProperty(u"role", QCoreApplication.translate("PreparePage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.attendeesTable.setAccessibleName(QCoreApplication.translate("PreparePage", u"Attendees", None))
#endif // QT_CONFIG(accessibility)
        self.personNameEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Name", None))
#if QT_CONFIG(accessibility)
        self.personNameEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Name of a new attendee", None))
#endif // QT_CONFIG(accessibility)
        self.personTeamEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Team", None))
#if QT_CONFIG(accessibility)
        self.personTeamEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Team of the new attendee", None))
#endif // QT_CONFIG(accessibility)
        self.addPersonButton.setText(QCoreApplication.translate("PreparePage", u"Add person", None))
#if QT_CONFIG(accessibility)
        self.addPersonButton.setAccessibleName(QCoreApplication.translate("PreparePage", u"Add the person as an attendee", None))
#endif // QT_CONFIG(accessibility)
        self.readinessCard.setProperty(u"role", QCoreApplication.translate("PreparePage", u"card", None))
        self.readinessTitle.setText(QCoreApplication.translate("PreparePage", u"Readiness", None))
        self.readinessTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.notesTitle.setText(QCoreApplication.translate("PreparePage", u"Facilitator &notes", None))
        self.notesTitle.setProperty(u"role", QCoreApplication.translate("PreparePage", u"sectionTitle", None))
        self.privateBadge.setText(QCoreApplication.translate("PreparePage", u"Only you see this", None))
        self.notesHint.setText(QCoreApplication.translate("PreparePage", u"Never shown on the projector and never part of the report.", None))
        self.notesHint.setProperty(u"role", QCoreApplication.translate("PreparePage", u"hint", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("PreparePage", u"Private reminders: who may feel exposed, what to steer towards, what to avoid.", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("PreparePage", u"Facilitator notes, private to you", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

