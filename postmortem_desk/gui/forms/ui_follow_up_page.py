# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_up_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QFrame, QHBoxLayout, QLabel, QLineEdit,
    QListView, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_FollowUpPage(object):
    def setupUi(self, FollowUpPage):
        if not FollowUpPage.objectName():
            FollowUpPage.setObjectName(u"FollowUpPage")
        FollowUpPage.resize(1000, 680)
        self.pageLayout = QVBoxLayout(FollowUpPage)
        self.pageLayout.setSpacing(16)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(24, 16, 24, 16)
        self.lessonsLayout = QHBoxLayout()
        self.lessonsLayout.setSpacing(16)
        self.lessonsLayout.setObjectName(u"lessonsLayout")
        self.wentWellCard = QFrame(FollowUpPage)
        self.wentWellCard.setObjectName(u"wentWellCard")
        self.wentWellLayout = QVBoxLayout(self.wentWellCard)
        self.wentWellLayout.setSpacing(8)
        self.wentWellLayout.setObjectName(u"wentWellLayout")
        self.wentWellLayout.setContentsMargins(14, 12, 14, 14)
        self.wentWellTitle = QLabel(self.wentWellCard)
        self.wentWellTitle.setObjectName(u"wentWellTitle")

        self.wentWellLayout.addWidget(self.wentWellTitle)

        self.wentWellList = QListView(self.wentWellCard)
        self.wentWellList.setObjectName(u"wentWellList")
        self.wentWellList.setWordWrap(True)

        self.wentWellLayout.addWidget(self.wentWellList)

        self.wentWellEdit = QLineEdit(self.wentWellCard)
        self.wentWellEdit.setObjectName(u"wentWellEdit")

        self.wentWellLayout.addWidget(self.wentWellEdit)


        self.lessonsLayout.addWidget(self.wentWellCard)

        self.wentPoorlyCard = QFrame(FollowUpPage)
        self.wentPoorlyCard.setObjectName(u"wentPoorlyCard")
        self.wentPoorlyLayout = QVBoxLayout(self.wentPoorlyCard)
        self.wentPoorlyLayout.setSpacing(8)
        self.wentPoorlyLayout.setObjectName(u"wentPoorlyLayout")
        self.wentPoorlyLayout.setContentsMargins(14, 12, 14, 14)
        self.wentPoorlyTitle = QLabel(self.wentPoorlyCard)
        self.wentPoorlyTitle.setObjectName(u"wentPoorlyTitle")

        self.wentPoorlyLayout.addWidget(self.wentPoorlyTitle)

        self.wentPoorlyList = QListView(self.wentPoorlyCard)
        self.wentPoorlyList.setObjectName(u"wentPoorlyList")
        self.wentPoorlyList.setWordWrap(True)

        self.wentPoorlyLayout.addWidget(self.wentPoorlyList)

        self.wentPoorlyEdit = QLineEdit(self.wentPoorlyCard)
        self.wentPoorlyEdit.setObjectName(u"wentPoorlyEdit")

        self.wentPoorlyLayout.addWidget(self.wentPoorlyEdit)


        self.lessonsLayout.addWidget(self.wentPoorlyCard)

        self.gotLuckyCard = QFrame(FollowUpPage)
        self.gotLuckyCard.setObjectName(u"gotLuckyCard")
        self.gotLuckyLayout = QVBoxLayout(self.gotLuckyCard)
        self.gotLuckyLayout.setSpacing(8)
        self.gotLuckyLayout.setObjectName(u"gotLuckyLayout")
        self.gotLuckyLayout.setContentsMargins(14, 12, 14, 14)
        self.gotLuckyTitle = QLabel(self.gotLuckyCard)
        self.gotLuckyTitle.setObjectName(u"gotLuckyTitle")

        self.gotLuckyLayout.addWidget(self.gotLuckyTitle)

        self.gotLuckyList = QListView(self.gotLuckyCard)
        self.gotLuckyList.setObjectName(u"gotLuckyList")
        self.gotLuckyList.setWordWrap(True)

        self.gotLuckyLayout.addWidget(self.gotLuckyList)

        self.gotLuckyEdit = QLineEdit(self.gotLuckyCard)
        self.gotLuckyEdit.setObjectName(u"gotLuckyEdit")

        self.gotLuckyLayout.addWidget(self.gotLuckyEdit)


        self.lessonsLayout.addWidget(self.gotLuckyCard)


        self.pageLayout.addLayout(self.lessonsLayout)

        self.wrapUpLayout = QHBoxLayout()
        self.wrapUpLayout.setSpacing(16)
        self.wrapUpLayout.setObjectName(u"wrapUpLayout")
        self.feedbackCard = QFrame(FollowUpPage)
        self.feedbackCard.setObjectName(u"feedbackCard")
        self.feedbackLayout = QVBoxLayout(self.feedbackCard)
        self.feedbackLayout.setObjectName(u"feedbackLayout")
        self.feedbackLayout.setContentsMargins(14, 12, 14, 14)
        self.feedbackTitle = QLabel(self.feedbackCard)
        self.feedbackTitle.setObjectName(u"feedbackTitle")

        self.feedbackLayout.addWidget(self.feedbackTitle)

        self.feedbackForm = QFormLayout()
        self.feedbackForm.setObjectName(u"feedbackForm")
        self.feedbackForm.setVerticalSpacing(8)
        self.learnedLabel = QLabel(self.feedbackCard)
        self.learnedLabel.setObjectName(u"learnedLabel")
        self.learnedLabel.setWordWrap(True)

        self.feedbackForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.learnedLabel)

        self.learnedCombo = QComboBox(self.feedbackCard)
        self.learnedCombo.setObjectName(u"learnedCombo")

        self.feedbackForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.learnedCombo)

        self.returnLabel = QLabel(self.feedbackCard)
        self.returnLabel.setObjectName(u"returnLabel")
        self.returnLabel.setWordWrap(True)

        self.feedbackForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.returnLabel)

        self.returnCombo = QComboBox(self.feedbackCard)
        self.returnCombo.setObjectName(u"returnCombo")

        self.feedbackForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.returnCombo)

        self.reviewDateLabel = QLabel(self.feedbackCard)
        self.reviewDateLabel.setObjectName(u"reviewDateLabel")

        self.feedbackForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewDateLabel)

        self.reviewDateLayout = QHBoxLayout()
        self.reviewDateLayout.setObjectName(u"reviewDateLayout")
        self.reviewDateEdit = QDateEdit(self.feedbackCard)
        self.reviewDateEdit.setObjectName(u"reviewDateEdit")
        self.reviewDateEdit.setCalendarPopup(True)

        self.reviewDateLayout.addWidget(self.reviewDateEdit)

        self.clearReviewDateButton = QPushButton(self.feedbackCard)
        self.clearReviewDateButton.setObjectName(u"clearReviewDateButton")

        self.reviewDateLayout.addWidget(self.clearReviewDateButton)


        self.feedbackForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.reviewDateLayout)


        self.feedbackLayout.addLayout(self.feedbackForm)

        self.feedbackSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.feedbackLayout.addItem(self.feedbackSpacer)


        self.wrapUpLayout.addWidget(self.feedbackCard)

        self.timeCard = QFrame(FollowUpPage)
        self.timeCard.setObjectName(u"timeCard")
        self.timeLayout = QVBoxLayout(self.timeCard)
        self.timeLayout.setObjectName(u"timeLayout")
        self.timeLayout.setContentsMargins(14, 12, 14, 14)
        self.timeTitle = QLabel(self.timeCard)
        self.timeTitle.setObjectName(u"timeTitle")

        self.timeLayout.addWidget(self.timeTitle)

        self.timeTable = QLabel(self.timeCard)
        self.timeTable.setObjectName(u"timeTable")
        self.timeTable.setTextFormat(Qt.TextFormat.RichText)
        self.timeTable.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.timeLayout.addWidget(self.timeTable)

        self.timeSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.timeLayout.addItem(self.timeSpacer)


        self.wrapUpLayout.addWidget(self.timeCard)

        self.finishCard = QFrame(FollowUpPage)
        self.finishCard.setObjectName(u"finishCard")
        self.finishLayout = QVBoxLayout(self.finishCard)
        self.finishLayout.setSpacing(8)
        self.finishLayout.setObjectName(u"finishLayout")
        self.finishLayout.setContentsMargins(14, 12, 14, 14)
        self.finishTitle = QLabel(self.finishCard)
        self.finishTitle.setObjectName(u"finishTitle")

        self.finishLayout.addWidget(self.finishTitle)

        self.statusLabel = QLabel(self.finishCard)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.finishLayout.addWidget(self.statusLabel)

        self.exportLayout = QVBoxLayout()
        self.exportLayout.setSpacing(6)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportPdfButton = QPushButton(self.finishCard)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.exportLayout.addWidget(self.exportPdfButton)

        self.exportMarkdownButton = QPushButton(self.finishCard)
        self.exportMarkdownButton.setObjectName(u"exportMarkdownButton")

        self.exportLayout.addWidget(self.exportMarkdownButton)

        self.publishButton = QPushButton(self.finishCard)
        self.publishButton.setObjectName(u"publishButton")

        self.exportLayout.addWidget(self.publishButton)


        self.finishLayout.addLayout(self.exportLayout)

        self.finishSpacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.finishLayout.addItem(self.finishSpacer)

        self.finishButton = QPushButton(self.finishCard)
        self.finishButton.setObjectName(u"finishButton")

        self.finishLayout.addWidget(self.finishButton)


        self.wrapUpLayout.addWidget(self.finishCard)


        self.pageLayout.addLayout(self.wrapUpLayout)

        self.pageLayout.setStretch(0, 3)
        self.pageLayout.setStretch(1, 2)

        self.retranslateUi(FollowUpPage)
    # setupUi

    def retranslateUi(self, FollowUpPage):
        self.wentWellCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.wentWellTitle.setText(QCoreApplication.translate("FollowUpPage", u"What went well", None))
        self.wentWellTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
#if QT_CONFIG(accessibility)
        self.wentWellList.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"What went well", None))
#endif // QT_CONFIG(accessibility)
        self.wentWellEdit.setPlaceholderText(QCoreApplication.translate("FollowUpPage", u"Add a lesson and press Enter", None))
#if QT_CONFIG(accessibility)
        self.wentWellEdit.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Add to: What went well", None))
#endif // QT_CONFIG(accessibility)
        self.wentPoorlyCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.wentPoorlyTitle.setText(QCoreApplication.translate("FollowUpPage", u"What went poorly", None))
        self.wentPoorlyTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
#if QT_CONFIG(accessibility)
        self.wentPoorlyList.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"What went poorly", None))
#endif // QT_CONFIG(accessibility)
        self.wentPoorlyEdit.setPlaceholderText(QCoreApplication.translate("FollowUpPage", u"Add a lesson and press Enter", None))
#if QT_CONFIG(accessibility)
        self.wentPoorlyEdit.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Add to: What went poorly", None))
#endif // QT_CONFIG(accessibility)
        self.gotLuckyCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.gotLuckyTitle.setText(QCoreApplication.translate("FollowUpPage", u"Where we got lucky", None))
        self.gotLuckyTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
#if QT_CONFIG(accessibility)
        self.gotLuckyList.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Where we got lucky", None))
#endif // QT_CONFIG(accessibility)
        self.gotLuckyEdit.setPlaceholderText(QCoreApplication.translate("FollowUpPage", u"Add a lesson and press Enter", None))
#if QT_CONFIG(accessibility)
        self.gotLuckyEdit.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Add to: Where we got lucky", None))
#endif // QT_CONFIG(accessibility)
        self.feedbackCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.feedbackTitle.setText(QCoreApplication.translate("FollowUpPage", u"Meeting feedback", None))
        self.feedbackTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
        self.learnedLabel.setText(QCoreApplication.translate("FollowUpPage", u"Did someone learn something new?", None))
#if QT_CONFIG(accessibility)
        self.learnedCombo.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Did at least one person learn something new?", None))
#endif // QT_CONFIG(accessibility)
        self.returnLabel.setText(QCoreApplication.translate("FollowUpPage", u"Would half the room come again?", None))
#if QT_CONFIG(accessibility)
        self.returnCombo.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Would at least half the room come to another review?", None))
#endif // QT_CONFIG(accessibility)
        self.reviewDateLabel.setText(QCoreApplication.translate("FollowUpPage", u"Follow-up review", None))
        self.reviewDateEdit.setDisplayFormat(QCoreApplication.translate("FollowUpPage", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.reviewDateEdit.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Follow-up review date", None))
#endif // QT_CONFIG(accessibility)
        self.clearReviewDateButton.setText(QCoreApplication.translate("FollowUpPage", u"Clear", None))
#if QT_CONFIG(accessibility)
        self.clearReviewDateButton.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Clear the follow-up review date", None))
#endif // QT_CONFIG(accessibility)
        self.timeCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.timeTitle.setText(QCoreApplication.translate("FollowUpPage", u"Time per step", None))
        self.timeTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
        self.timeTable.setText("")
#if QT_CONFIG(accessibility)
        self.timeTable.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Planned and actual minutes per step", None))
#endif // QT_CONFIG(accessibility)
        self.finishCard.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"card", None))
        self.finishTitle.setText(QCoreApplication.translate("FollowUpPage", u"Wrap up", None))
        self.finishTitle.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"sectionTitle", None))
        self.statusLabel.setText("")
        self.statusLabel.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"muted", None))
        self.exportPdfButton.setText(QCoreApplication.translate("FollowUpPage", u"Export PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportPdfButton.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Export the report as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.exportMarkdownButton.setText(QCoreApplication.translate("FollowUpPage", u"Export Markdown\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportMarkdownButton.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Export the report as Markdown", None))
#endif // QT_CONFIG(accessibility)
        self.publishButton.setText(QCoreApplication.translate("FollowUpPage", u"Publish to Confluence\u2026", None))
#if QT_CONFIG(accessibility)
        self.publishButton.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Publish the report to Confluence", None))
#endif // QT_CONFIG(accessibility)
        self.finishButton.setText(QCoreApplication.translate("FollowUpPage", u"Finish meeting", None))
#if QT_CONFIG(accessibility)
        self.finishButton.setAccessibleName(QCoreApplication.translate("FollowUpPage", u"Finish the meeting and mark the postmortem as meeting held", None))
#endif // QT_CONFIG(accessibility)
        self.finishButton.setProperty(u"role", QCoreApplication.translate("FollowUpPage", u"primary", None))
        pass
    # retranslateUi

