# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'roles_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_RolesPage(object):
    def setupUi(self, RolesPage):
        if not RolesPage.objectName():
            RolesPage.setObjectName(u"RolesPage")
        RolesPage.resize(1008, 700)
        self.pageLayout = QVBoxLayout(RolesPage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(RolesPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QHBoxLayout(self.scrollContents)
        self.contentLayout.setSpacing(20)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(28, 20, 28, 32)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(20)
        self.leftColumn.setObjectName(u"leftColumn")
        self.rolesCard = QFrame(self.scrollContents)
        self.rolesCard.setObjectName(u"rolesCard")
        self.rolesLayout = QVBoxLayout(self.rolesCard)
        self.rolesLayout.setSpacing(12)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.rolesLayout.setContentsMargins(20, 16, 20, 20)
        self.rolesTitle = QLabel(self.rolesCard)
        self.rolesTitle.setObjectName(u"rolesTitle")

        self.rolesLayout.addWidget(self.rolesTitle)

        self.meetingRolesLabel = QLabel(self.rolesCard)
        self.meetingRolesLabel.setObjectName(u"meetingRolesLabel")

        self.rolesLayout.addWidget(self.meetingRolesLabel)

        self.meetingRolesGrid = QGridLayout()
        self.meetingRolesGrid.setObjectName(u"meetingRolesGrid")
        self.meetingRolesGrid.setHorizontalSpacing(16)
        self.meetingRolesGrid.setVerticalSpacing(10)
        self.facilitatorLabel = QLabel(self.rolesCard)
        self.facilitatorLabel.setObjectName(u"facilitatorLabel")

        self.meetingRolesGrid.addWidget(self.facilitatorLabel, 0, 0, 1, 1)

        self.facilitatorCombo = QComboBox(self.rolesCard)
        self.facilitatorCombo.setObjectName(u"facilitatorCombo")

        self.meetingRolesGrid.addWidget(self.facilitatorCombo, 0, 1, 1, 1)

        self.noteTakerLabel = QLabel(self.rolesCard)
        self.noteTakerLabel.setObjectName(u"noteTakerLabel")

        self.meetingRolesGrid.addWidget(self.noteTakerLabel, 1, 0, 1, 1)

        self.noteTakerCombo = QComboBox(self.rolesCard)
        self.noteTakerCombo.setObjectName(u"noteTakerCombo")

        self.meetingRolesGrid.addWidget(self.noteTakerCombo, 1, 1, 1, 1)

        self.actionTrackerLabel = QLabel(self.rolesCard)
        self.actionTrackerLabel.setObjectName(u"actionTrackerLabel")

        self.meetingRolesGrid.addWidget(self.actionTrackerLabel, 2, 0, 1, 1)

        self.actionTrackerCombo = QComboBox(self.rolesCard)
        self.actionTrackerCombo.setObjectName(u"actionTrackerCombo")

        self.meetingRolesGrid.addWidget(self.actionTrackerCombo, 2, 1, 1, 1)

        self.ownerLabel = QLabel(self.rolesCard)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.meetingRolesGrid.addWidget(self.ownerLabel, 3, 0, 1, 1)

        self.ownerCombo = QComboBox(self.rolesCard)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.meetingRolesGrid.addWidget(self.ownerCombo, 3, 1, 1, 1)

        self.meetingRolesGrid.setColumnStretch(1, 1)

        self.rolesLayout.addLayout(self.meetingRolesGrid)

        self.conflictLabel = QLabel(self.rolesCard)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setWordWrap(True)

        self.rolesLayout.addWidget(self.conflictLabel)

        self.sectionGap = QSpacerItem(10, 6, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.rolesLayout.addItem(self.sectionGap)

        self.incidentRolesLabel = QLabel(self.rolesCard)
        self.incidentRolesLabel.setObjectName(u"incidentRolesLabel")

        self.rolesLayout.addWidget(self.incidentRolesLabel)

        self.incidentRolesGrid = QGridLayout()
        self.incidentRolesGrid.setObjectName(u"incidentRolesGrid")
        self.incidentRolesGrid.setHorizontalSpacing(16)
        self.incidentRolesGrid.setVerticalSpacing(10)
        self.incidentCommanderLabel = QLabel(self.rolesCard)
        self.incidentCommanderLabel.setObjectName(u"incidentCommanderLabel")

        self.incidentRolesGrid.addWidget(self.incidentCommanderLabel, 0, 0, 1, 1)

        self.incidentCommanderCombo = QComboBox(self.rolesCard)
        self.incidentCommanderCombo.setObjectName(u"incidentCommanderCombo")

        self.incidentRolesGrid.addWidget(self.incidentCommanderCombo, 0, 1, 1, 1)

        self.technicalLeadLabel = QLabel(self.rolesCard)
        self.technicalLeadLabel.setObjectName(u"technicalLeadLabel")

        self.incidentRolesGrid.addWidget(self.technicalLeadLabel, 1, 0, 1, 1)

        self.technicalLeadCombo = QComboBox(self.rolesCard)
        self.technicalLeadCombo.setObjectName(u"technicalLeadCombo")

        self.incidentRolesGrid.addWidget(self.technicalLeadCombo, 1, 1, 1, 1)

        self.communicationsLeadLabel = QLabel(self.rolesCard)
        self.communicationsLeadLabel.setObjectName(u"communicationsLeadLabel")

        self.incidentRolesGrid.addWidget(self.communicationsLeadLabel, 2, 0, 1, 1)

        self.communicationsLeadCombo = QComboBox(self.rolesCard)
        self.communicationsLeadCombo.setObjectName(u"communicationsLeadCombo")

        self.incidentRolesGrid.addWidget(self.communicationsLeadCombo, 2, 1, 1, 1)

        self.incidentRolesGrid.setColumnStretch(1, 1)

        self.rolesLayout.addLayout(self.incidentRolesGrid)

        self.addPersonFrame = QFrame(self.rolesCard)
        self.addPersonFrame.setObjectName(u"addPersonFrame")
        self.addPersonLayout = QVBoxLayout(self.addPersonFrame)
        self.addPersonLayout.setSpacing(8)
        self.addPersonLayout.setObjectName(u"addPersonLayout")
        self.addPersonLayout.setContentsMargins(0, 8, 0, 0)
        self.addPersonTitle = QLabel(self.addPersonFrame)
        self.addPersonTitle.setObjectName(u"addPersonTitle")

        self.addPersonLayout.addWidget(self.addPersonTitle)

        self.addPersonRow = QHBoxLayout()
        self.addPersonRow.setSpacing(8)
        self.addPersonRow.setObjectName(u"addPersonRow")
        self.newNameEdit = QLineEdit(self.addPersonFrame)
        self.newNameEdit.setObjectName(u"newNameEdit")

        self.addPersonRow.addWidget(self.newNameEdit)

        self.newTeamEdit = QLineEdit(self.addPersonFrame)
        self.newTeamEdit.setObjectName(u"newTeamEdit")
        self.newTeamEdit.setMaximumSize(QSize(130, 16777215))

        self.addPersonRow.addWidget(self.newTeamEdit)

        self.addPersonButton = QPushButton(self.addPersonFrame)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.addPersonRow.addWidget(self.addPersonButton)

        self.cancelAddButton = QPushButton(self.addPersonFrame)
        self.cancelAddButton.setObjectName(u"cancelAddButton")

        self.addPersonRow.addWidget(self.cancelAddButton)


        self.addPersonLayout.addLayout(self.addPersonRow)


        self.rolesLayout.addWidget(self.addPersonFrame)

        self.rolesHint = QLabel(self.rolesCard)
        self.rolesHint.setObjectName(u"rolesHint")
        self.rolesHint.setWordWrap(True)

        self.rolesLayout.addWidget(self.rolesHint)


        self.leftColumn.addWidget(self.rolesCard)

        self.leftSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.contentLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(20)
        self.rightColumn.setObjectName(u"rightColumn")
        self.scriptCard = QFrame(self.scrollContents)
        self.scriptCard.setObjectName(u"scriptCard")
        self.scriptLayout = QVBoxLayout(self.scriptCard)
        self.scriptLayout.setSpacing(12)
        self.scriptLayout.setObjectName(u"scriptLayout")
        self.scriptLayout.setContentsMargins(24, 16, 24, 24)
        self.scriptHeader = QHBoxLayout()
        self.scriptHeader.setSpacing(8)
        self.scriptHeader.setObjectName(u"scriptHeader")
        self.scriptTitle = QLabel(self.scriptCard)
        self.scriptTitle.setObjectName(u"scriptTitle")

        self.scriptHeader.addWidget(self.scriptTitle)

        self.scriptHeaderSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scriptHeader.addItem(self.scriptHeaderSpacer)

        self.editScriptButton = QPushButton(self.scriptCard)
        self.editScriptButton.setObjectName(u"editScriptButton")
        self.editScriptButton.setCheckable(True)

        self.scriptHeader.addWidget(self.editScriptButton)

        self.resetScriptButton = QPushButton(self.scriptCard)
        self.resetScriptButton.setObjectName(u"resetScriptButton")

        self.scriptHeader.addWidget(self.resetScriptButton)


        self.scriptLayout.addLayout(self.scriptHeader)

        self.scriptHint = QLabel(self.scriptCard)
        self.scriptHint.setObjectName(u"scriptHint")
        self.scriptHint.setWordWrap(True)

        self.scriptLayout.addWidget(self.scriptHint)

        self.scriptStack = QStackedWidget(self.scriptCard)
        self.scriptStack.setObjectName(u"scriptStack")
        self.readPage = QWidget()
        self.readPage.setObjectName(u"readPage")
        self.readLayout = QVBoxLayout(self.readPage)
        self.readLayout.setSpacing(0)
        self.readLayout.setObjectName(u"readLayout")
        self.readLayout.setContentsMargins(0, 4, 0, 0)
        self.scriptView = QLabel(self.readPage)
        self.scriptView.setObjectName(u"scriptView")
        self.scriptView.setTextFormat(Qt.TextFormat.RichText)
        self.scriptView.setWordWrap(True)
        self.scriptView.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.readLayout.addWidget(self.scriptView)

        self.readSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.readLayout.addItem(self.readSpacer)

        self.scriptStack.addWidget(self.readPage)
        self.editPage = QWidget()
        self.editPage.setObjectName(u"editPage")
        self.editLayout = QVBoxLayout(self.editPage)
        self.editLayout.setSpacing(6)
        self.editLayout.setObjectName(u"editLayout")
        self.editLayout.setContentsMargins(0, 4, 0, 0)
        self.scriptEdit = QPlainTextEdit(self.editPage)
        self.scriptEdit.setObjectName(u"scriptEdit")
        self.scriptEdit.setMinimumSize(QSize(0, 300))
        self.scriptEdit.setTabChangesFocus(True)

        self.editLayout.addWidget(self.scriptEdit)

        self.editHint = QLabel(self.editPage)
        self.editHint.setObjectName(u"editHint")
        self.editHint.setWordWrap(True)

        self.editLayout.addWidget(self.editHint)

        self.scriptStack.addWidget(self.editPage)

        self.scriptLayout.addWidget(self.scriptStack)

        self.scriptFooter = QLabel(self.scriptCard)
        self.scriptFooter.setObjectName(u"scriptFooter")
        self.scriptFooter.setWordWrap(True)

        self.scriptLayout.addWidget(self.scriptFooter)


        self.rightColumn.addWidget(self.scriptCard)

        self.rightSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.contentLayout.addLayout(self.rightColumn)

        self.contentLayout.setStretch(0, 1)
        self.contentLayout.setStretch(1, 1)
        self.scrollArea.setWidget(self.scrollContents)

        self.pageLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.facilitatorLabel.setBuddy(self.facilitatorCombo)
        self.noteTakerLabel.setBuddy(self.noteTakerCombo)
        self.actionTrackerLabel.setBuddy(self.actionTrackerCombo)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.incidentCommanderLabel.setBuddy(self.incidentCommanderCombo)
        self.technicalLeadLabel.setBuddy(self.technicalLeadCombo)
        self.communicationsLeadLabel.setBuddy(self.communicationsLeadCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RolesPage)
    # setupUi

    def retranslateUi(self, RolesPage):
#if QT_CONFIG(accessibility)
        self.scrollArea.setAccessibleName(QCoreApplication.translate("RolesPage", u"Roles and ground rules", None))
#endif // QT_CONFIG(accessibility)
        self.rolesCard.setProperty(u"role", QCoreApplication.translate("RolesPage", u"card", None))
        self.rolesTitle.setText(QCoreApplication.translate("RolesPage", u"Who does what", None))
        self.rolesTitle.setProperty(u"role", QCoreApplication.translate("RolesPage", u"sectionTitle", None))
        self.meetingRolesLabel.setText(QCoreApplication.translate("RolesPage", u"IN THE MEETING", None))
        self.meetingRolesLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        self.facilitatorLabel.setText(QCoreApplication.translate("RolesPage", u"&Facilitator", None))
        self.facilitatorLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.facilitatorCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Facilitator", None))
#endif // QT_CONFIG(accessibility)
        self.noteTakerLabel.setText(QCoreApplication.translate("RolesPage", u"&Note-taker", None))
        self.noteTakerLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.noteTakerCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Note-taker", None))
#endif // QT_CONFIG(accessibility)
        self.actionTrackerLabel.setText(QCoreApplication.translate("RolesPage", u"&Action-item tracker", None))
        self.actionTrackerLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.actionTrackerCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Action-item tracker", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("RolesPage", u"Postmortem &owner", None))
        self.ownerLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Postmortem owner", None))
#endif // QT_CONFIG(accessibility)
        self.conflictLabel.setText("")
        self.conflictLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"warning", None))
        self.incidentRolesLabel.setText(QCoreApplication.translate("RolesPage", u"DURING THE INCIDENT", None))
        self.incidentRolesLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        self.incidentCommanderLabel.setText(QCoreApplication.translate("RolesPage", u"&Incident commander", None))
        self.incidentCommanderLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.incidentCommanderCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Incident commander", None))
#endif // QT_CONFIG(accessibility)
        self.technicalLeadLabel.setText(QCoreApplication.translate("RolesPage", u"&Technical lead", None))
        self.technicalLeadLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.technicalLeadCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Technical lead", None))
#endif // QT_CONFIG(accessibility)
        self.communicationsLeadLabel.setText(QCoreApplication.translate("RolesPage", u"&Communications lead", None))
        self.communicationsLeadLabel.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
#if QT_CONFIG(accessibility)
        self.communicationsLeadCombo.setAccessibleName(QCoreApplication.translate("RolesPage", u"Communications lead", None))
#endif // QT_CONFIG(accessibility)
        self.addPersonTitle.setText("")
        self.addPersonTitle.setProperty(u"role", QCoreApplication.translate("RolesPage", u"muted", None))
        self.newNameEdit.setPlaceholderText(QCoreApplication.translate("RolesPage", u"Name", None))
#if QT_CONFIG(accessibility)
        self.newNameEdit.setAccessibleName(QCoreApplication.translate("RolesPage", u"Name of the person to add", None))
#endif // QT_CONFIG(accessibility)
        self.newTeamEdit.setPlaceholderText(QCoreApplication.translate("RolesPage", u"Team", None))
#if QT_CONFIG(accessibility)
        self.newTeamEdit.setAccessibleName(QCoreApplication.translate("RolesPage", u"Team of the person to add", None))
#endif // QT_CONFIG(accessibility)
        self.addPersonButton.setText(QCoreApplication.translate("RolesPage", u"Add", None))
#if QT_CONFIG(accessibility)
        self.addPersonButton.setAccessibleName(QCoreApplication.translate("RolesPage", u"Add the person and give them the role", None))
#endif // QT_CONFIG(accessibility)
        self.addPersonButton.setProperty(u"role", QCoreApplication.translate("RolesPage", u"primary", None))
        self.cancelAddButton.setText(QCoreApplication.translate("RolesPage", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelAddButton.setAccessibleName(QCoreApplication.translate("RolesPage", u"Do not add a person", None))
#endif // QT_CONFIG(accessibility)
        self.rolesHint.setText(QCoreApplication.translate("RolesPage", u"Each choice is saved at once; Ctrl+Z undoes it. Pick \u201cAdd a person\u2026\u201d in any list to add someone new.", None))
        self.rolesHint.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        self.scriptCard.setProperty(u"role", QCoreApplication.translate("RolesPage", u"card", None))
        self.scriptTitle.setText(QCoreApplication.translate("RolesPage", u"Opening script", None))
        self.scriptTitle.setProperty(u"role", QCoreApplication.translate("RolesPage", u"sectionTitle", None))
        self.editScriptButton.setText(QCoreApplication.translate("RolesPage", u"&Edit the rules", None))
#if QT_CONFIG(accessibility)
        self.editScriptButton.setAccessibleName(QCoreApplication.translate("RolesPage", u"Edit the ground rules", None))
#endif // QT_CONFIG(accessibility)
        self.resetScriptButton.setText(QCoreApplication.translate("RolesPage", u"Reset to defaults", None))
#if QT_CONFIG(accessibility)
        self.resetScriptButton.setAccessibleName(QCoreApplication.translate("RolesPage", u"Reset the ground rules to the defaults", None))
#endif // QT_CONFIG(accessibility)
        self.scriptHint.setText(QCoreApplication.translate("RolesPage", u"Read this aloud before the timeline review.", None))
        self.scriptHint.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        self.scriptView.setText("")
#if QT_CONFIG(accessibility)
        self.scriptView.setAccessibleName(QCoreApplication.translate("RolesPage", u"The opening script", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scriptEdit.setAccessibleName(QCoreApplication.translate("RolesPage", u"Ground rules, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.editHint.setText(QCoreApplication.translate("RolesPage", u"One rule per line. Saved as you type, for every postmortem of your organisation.", None))
        self.editHint.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        self.scriptFooter.setText("")
        self.scriptFooter.setProperty(u"role", QCoreApplication.translate("RolesPage", u"hint", None))
        pass
    # retranslateUi

