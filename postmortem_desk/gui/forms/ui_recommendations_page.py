# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recommendations_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFormLayout, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_RecommendationsPage(object):
    def setupUi(self, RecommendationsPage):
        if not RecommendationsPage.objectName():
            RecommendationsPage.setObjectName(u"RecommendationsPage")
        RecommendationsPage.resize(1000, 680)
        self.pageLayout = QHBoxLayout(RecommendationsPage)
        self.pageLayout.setSpacing(16)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(24, 16, 24, 16)
        self.listColumn = QVBoxLayout()
        self.listColumn.setSpacing(10)
        self.listColumn.setObjectName(u"listColumn")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.itemsTitle = QLabel(RecommendationsPage)
        self.itemsTitle.setObjectName(u"itemsTitle")

        self.toolbarLayout.addWidget(self.itemsTitle)

        self.itemsHint = QLabel(RecommendationsPage)
        self.itemsHint.setObjectName(u"itemsHint")

        self.toolbarLayout.addWidget(self.itemsHint)

        self.toolbarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.deleteButton = QPushButton(RecommendationsPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbarLayout.addWidget(self.deleteButton)

        self.addButton = QPushButton(RecommendationsPage)
        self.addButton.setObjectName(u"addButton")

        self.toolbarLayout.addWidget(self.addButton)


        self.listColumn.addLayout(self.toolbarLayout)

        self.tableView = QTableView(RecommendationsPage)
        self.tableView.setObjectName(u"tableView")
        self.tableView.setAlternatingRowColors(True)
        self.tableView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tableView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tableView.setShowGrid(False)
        self.tableView.setWordWrap(False)

        self.listColumn.addWidget(self.tableView)

        self.factorsTitle = QLabel(RecommendationsPage)
        self.factorsTitle.setObjectName(u"factorsTitle")

        self.listColumn.addWidget(self.factorsTitle)

        self.lowerLayout = QHBoxLayout()
        self.lowerLayout.setSpacing(16)
        self.lowerLayout.setObjectName(u"lowerLayout")
        self.factorsList = QListWidget(RecommendationsPage)
        self.factorsList.setObjectName(u"factorsList")

        self.lowerLayout.addWidget(self.factorsList)

        self.parkingColumn = QVBoxLayout()
        self.parkingColumn.setObjectName(u"parkingColumn")
        self.parkingTitle = QLabel(RecommendationsPage)
        self.parkingTitle.setObjectName(u"parkingTitle")

        self.parkingColumn.addWidget(self.parkingTitle)

        self.parkingList = QListWidget(RecommendationsPage)
        self.parkingList.setObjectName(u"parkingList")

        self.parkingColumn.addWidget(self.parkingList)

        self.parkingToActionButton = QPushButton(RecommendationsPage)
        self.parkingToActionButton.setObjectName(u"parkingToActionButton")

        self.parkingColumn.addWidget(self.parkingToActionButton)


        self.lowerLayout.addLayout(self.parkingColumn)


        self.listColumn.addLayout(self.lowerLayout)

        self.listColumn.setStretch(1, 3)
        self.listColumn.setStretch(3, 1)

        self.pageLayout.addLayout(self.listColumn)

        self.detailCard = QFrame(RecommendationsPage)
        self.detailCard.setObjectName(u"detailCard")
        self.detailCard.setMinimumSize(QSize(330, 0))
        self.detailCard.setMaximumSize(QSize(380, 16777215))
        self.detailLayout = QVBoxLayout(self.detailCard)
        self.detailLayout.setSpacing(8)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(18, 16, 18, 16)
        self.detailTitle = QLabel(self.detailCard)
        self.detailTitle.setObjectName(u"detailTitle")

        self.detailLayout.addWidget(self.detailTitle)

        self.titleEdit = QLineEdit(self.detailCard)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailLayout.addWidget(self.titleEdit)

        self.checksLabel = QLabel(self.detailCard)
        self.checksLabel.setObjectName(u"checksLabel")
        self.checksLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.checksLabel)

        self.fieldsLayout = QFormLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(12)
        self.fieldsLayout.setVerticalSpacing(8)
        self.typeLabel = QLabel(self.detailCard)
        self.typeLabel.setObjectName(u"typeLabel")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.detailCard)
        self.typeCombo.setObjectName(u"typeCombo")

        self.fieldsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.priorityLabel = QLabel(self.detailCard)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityCombo = QComboBox(self.detailCard)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.fieldsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.ownerLabel = QLabel(self.detailCard)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(self.detailCard)
        self.ownerCombo.setObjectName(u"ownerCombo")
        self.ownerCombo.setEditable(True)

        self.fieldsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueLabel = QLabel(self.detailCard)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueLayout = QHBoxLayout()
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueEdit = QDateEdit(self.detailCard)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.dueLayout.addWidget(self.dueEdit)

        self.policyDueButton = QPushButton(self.detailCard)
        self.policyDueButton.setObjectName(u"policyDueButton")

        self.dueLayout.addWidget(self.policyDueButton)


        self.fieldsLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.dueLayout)

        self.statusLabel = QLabel(self.detailCard)
        self.statusLabel.setObjectName(u"statusLabel")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.detailCard)
        self.statusCombo.setObjectName(u"statusCombo")

        self.fieldsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.reasonLabel = QLabel(self.detailCard)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(self.detailCard)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.fieldsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.ticketLabel = QLabel(self.detailCard)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.fieldsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ticketLabel)

        self.ticketLayout = QHBoxLayout()
        self.ticketLayout.setObjectName(u"ticketLayout")
        self.ticketKeyEdit = QLineEdit(self.detailCard)
        self.ticketKeyEdit.setObjectName(u"ticketKeyEdit")
        self.ticketKeyEdit.setMaximumSize(QSize(110, 16777215))

        self.ticketLayout.addWidget(self.ticketKeyEdit)

        self.ticketUrlEdit = QLineEdit(self.detailCard)
        self.ticketUrlEdit.setObjectName(u"ticketUrlEdit")

        self.ticketLayout.addWidget(self.ticketUrlEdit)

        self.openTicketButton = QPushButton(self.detailCard)
        self.openTicketButton.setObjectName(u"openTicketButton")

        self.ticketLayout.addWidget(self.openTicketButton)


        self.fieldsLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.ticketLayout)

        self.factorLabel = QLabel(self.detailCard)
        self.factorLabel.setObjectName(u"factorLabel")

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.factorLabel)

        self.factorCombo = QComboBox(self.detailCard)
        self.factorCombo.setObjectName(u"factorCombo")

        self.fieldsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.factorCombo)


        self.detailLayout.addLayout(self.fieldsLayout)

        self.descriptionLabel = QLabel(self.detailCard)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.detailLayout.addWidget(self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.detailCard)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.detailLayout.addWidget(self.descriptionEdit)


        self.pageLayout.addWidget(self.detailCard)


        self.retranslateUi(RecommendationsPage)
    # setupUi

    def retranslateUi(self, RecommendationsPage):
        self.itemsTitle.setText(QCoreApplication.translate("RecommendationsPage", u"Action items", None))
        self.itemsTitle.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"sectionTitle", None))
        self.itemsHint.setText("")
        self.itemsHint.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"hint", None))
        self.deleteButton.setText(QCoreApplication.translate("RecommendationsPage", u"Delete", None))
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Delete the selected action item", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("RecommendationsPage", u"Add action item", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Add an action item", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"primary", None))
#if QT_CONFIG(accessibility)
        self.tableView.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Action items", None))
#endif // QT_CONFIG(accessibility)
        self.factorsTitle.setText(QCoreApplication.translate("RecommendationsPage", u"Contributing factors no action addresses", None))
        self.factorsTitle.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"sectionTitle", None))
#if QT_CONFIG(accessibility)
        self.factorsList.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Contributing factors without an action item", None))
#endif // QT_CONFIG(accessibility)
        self.parkingTitle.setText(QCoreApplication.translate("RecommendationsPage", u"From the parking lot", None))
        self.parkingTitle.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"hint", None))
#if QT_CONFIG(accessibility)
        self.parkingList.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Parking-lot items", None))
#endif // QT_CONFIG(accessibility)
        self.parkingToActionButton.setText(QCoreApplication.translate("RecommendationsPage", u"Make it an action item", None))
#if QT_CONFIG(accessibility)
        self.parkingToActionButton.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Turn the selected parking-lot item into an action item", None))
#endif // QT_CONFIG(accessibility)
        self.detailCard.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"card", None))
        self.detailTitle.setText(QCoreApplication.translate("RecommendationsPage", u"Selected action item", None))
        self.detailTitle.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"sectionTitle", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("RecommendationsPage", u"Start with a verb: \u201cAlert when\u2026\u201d, \u201cAdd\u2026\u201d", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Action item title", None))
#endif // QT_CONFIG(accessibility)
        self.checksLabel.setText("")
        self.checksLabel.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"warning", None))
        self.typeLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Type", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Action type", None))
#endif // QT_CONFIG(accessibility)
        self.priorityLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Priority", None))
#if QT_CONFIG(accessibility)
        self.priorityCombo.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Priority", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Owner", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Owner, a person or a team", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Due", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("RecommendationsPage", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Due date", None))
#endif // QT_CONFIG(accessibility)
        self.policyDueButton.setText(QCoreApplication.translate("RecommendationsPage", u"Policy date", None))
#if QT_CONFIG(accessibility)
        self.policyDueButton.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Set the due date from the due-date policy", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Status", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("RecommendationsPage", u"Why this will not be done", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Reason for won't do", None))
#endif // QT_CONFIG(accessibility)
        self.ticketLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Ticket", None))
        self.ticketKeyEdit.setPlaceholderText(QCoreApplication.translate("RecommendationsPage", u"KEY-123", None))
#if QT_CONFIG(accessibility)
        self.ticketKeyEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Ticket key", None))
#endif // QT_CONFIG(accessibility)
        self.ticketUrlEdit.setPlaceholderText(QCoreApplication.translate("RecommendationsPage", u"https://\u2026", None))
#if QT_CONFIG(accessibility)
        self.ticketUrlEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Ticket URL", None))
#endif // QT_CONFIG(accessibility)
        self.openTicketButton.setText(QCoreApplication.translate("RecommendationsPage", u"Open", None))
#if QT_CONFIG(accessibility)
        self.openTicketButton.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Open the ticket in the browser", None))
#endif // QT_CONFIG(accessibility)
        self.factorLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Factor", None))
#if QT_CONFIG(accessibility)
        self.factorCombo.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Contributing factor this item addresses", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("RecommendationsPage", u"Details", None))
        self.descriptionLabel.setProperty(u"role", QCoreApplication.translate("RecommendationsPage", u"hint", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("RecommendationsPage", u"What exactly changes, and how will we know it worked?", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("RecommendationsPage", u"Action item details", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

