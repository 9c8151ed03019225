"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import postmortem_desk.domain.types

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""

    op.create_table('postmortem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('incident_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('severity', sa.Enum('SEV1', 'SEV2', 'SEV3', 'SEV4', name='severity', native_enum=False, length=32), nullable=False),
    sa.Column('status', sa.Enum('draft', 'ready_for_review', 'meeting_held', 'published', name='postmortemstatus', native_enum=False, length=32), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('impact', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('users_affected', sa.Integer(), nullable=True),
    sa.Column('impact_minutes', sa.Integer(), nullable=True),
    sa.Column('support_tickets', sa.Integer(), nullable=True),
    sa.Column('started_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('detected_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('acknowledged_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('mitigated_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('resolved_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('incident_utc_offset_minutes', sa.Integer(), nullable=False),
    sa.Column('current_step', sa.Enum('prepare', 'roles', 'review', 'whys', 'recommendations', 'follow_up', name='meetingstep', native_enum=False, length=32), nullable=False),
    sa.Column('meeting_date', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.Column('agenda', sa.JSON(), nullable=False),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('facilitator_notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('follow_up_review_date', sa.Date(), nullable=True),
    sa.Column('feedback_learned_something', sa.Boolean(), nullable=True),
    sa.Column('feedback_would_return', sa.Boolean(), nullable=True),
    sa.Column('finish_override_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_postmortem'))
    )
    with op.batch_alter_table('postmortem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_postmortem_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('setting',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('evidencelink',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sa.Enum('dashboard', 'logs', 'chat', 'ticket', 'document', 'other', name='evidencekind', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_evidencelink_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidencelink'))
    )
    with op.batch_alter_table('evidencelink', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidencelink_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('ignoredfinding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('finding_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_ignoredfinding_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ignoredfinding'))
    )
    with op.batch_alter_table('ignoredfinding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ignoredfinding_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('importbatch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Enum('manual', 'slack', 'pagerduty', 'alertmanager', 'csv', 'text', name='eventsource', native_enum=False, length=32), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('skipped_count', sa.Integer(), nullable=False),
    sa.Column('imported_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_importbatch_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_importbatch'))
    )
    with op.batch_alter_table('importbatch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_importbatch_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('lessonlearned',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('went_well', 'went_poorly', 'got_lucky', name='lessonkind', native_enum=False, length=32), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_lessonlearned_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lessonlearned'))
    )
    with op.batch_alter_table('lessonlearned', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lessonlearned_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('meetingsteplog',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Enum('prepare', 'roles', 'review', 'whys', 'recommendations', 'follow_up', name='meetingstep', native_enum=False, length=32), nullable=False),
    sa.Column('started_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('ended_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_meetingsteplog_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetingsteplog'))
    )
    with op.batch_alter_table('meetingsteplog', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetingsteplog_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('outboxjob',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('sent_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_outboxjob_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outboxjob'))
    )
    with op.batch_alter_table('outboxjob', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outboxjob_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('handle', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('invited', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_participant_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('publishedpage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('base_url', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('page_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('space_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('published_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_publishedpage_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publishedpage'))
    )
    with op.batch_alter_table('publishedpage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_publishedpage_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('whynode',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_factor', sa.Boolean(), nullable=False),
    sa.Column('category', sa.Enum('technical', 'process', 'tooling', 'monitoring', 'communication', 'organisational', name='factorcategory', native_enum=False, length=32), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['whynode.id'], name=op.f('fk_whynode_parent_id_whynode'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_whynode_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_whynode'))
    )
    with op.batch_alter_table('whynode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_whynode_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_whynode_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('actionitem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action_type', sa.Enum('prevent', 'detect', 'mitigate', 'repair', 'investigate', 'process', name='actiontype', native_enum=False, length=32), nullable=False),
    sa.Column('priority', sa.Enum('P0', 'P1', 'P2', name='priority', native_enum=False, length=32), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'wont_do', name='actionstatus', native_enum=False, length=32), nullable=False),
    sa.Column('wont_do_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ticket_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ticket_url', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('why_node_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('created_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('completed_at', postmortem_desk.domain.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_actionitem_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['why_node_id'], ['whynode.id'], name=op.f('fk_actionitem_why_node_id_whynode'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actionitem'))
    )
    with op.batch_alter_table('actionitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actionitem_postmortem_id'), ['postmortem_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actionitem_why_node_id'), ['why_node_id'], unique=False)

    op.create_table('roleassignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('facilitator', 'note_taker', 'action_tracker', 'owner', 'incident_commander', 'technical_lead', 'communications_lead', 'attendee', name='rolekind', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_roleassignment_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_roleassignment_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roleassignment'))
    )
    with op.batch_alter_table('roleassignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roleassignment_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roleassignment_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('timelineevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.Column('utc_offset_minutes', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('alert', 'page', 'acknowledgement', 'chat', 'change', 'action', 'mitigation', 'resolution', 'customer_impact', 'note', name='eventkind', native_enum=False, length=32), nullable=False),
    sa.Column('source', sa.Enum('manual', 'slack', 'pagerduty', 'alertmanager', 'csv', 'text', name='eventsource', native_enum=False, length=32), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('milestone', sa.Enum('started', 'detected', 'acknowledged', 'mitigated', 'resolved', name='milestone', native_enum=False, length=32), nullable=True),
    sa.Column('known_at_time', sa.Boolean(), nullable=False),
    sa.Column('in_report', sa.Boolean(), nullable=False),
    sa.Column('is_reply', sa.Boolean(), nullable=False),
    sa.Column('thread_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('link', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['import_batch_id'], ['importbatch.id'], name=op.f('fk_timelineevent_import_batch_id_importbatch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_timelineevent_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timelineevent'))
    )
    with op.batch_alter_table('timelineevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timelineevent_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_timelineevent_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_timelineevent_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('eventannotation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_question', sa.Boolean(), nullable=False),
    sa.Column('created_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['timelineevent.id'], name=op.f('fk_eventannotation_event_id_timelineevent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eventannotation'))
    )
    with op.batch_alter_table('eventannotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eventannotation_event_id'), ['event_id'], unique=False)

    op.create_table('parkinglotitem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('postmortem_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_private', sa.Boolean(), nullable=False),
    sa.Column('raised_at_step', sa.Enum('prepare', 'roles', 'review', 'whys', 'recommendations', 'follow_up', name='meetingstep', native_enum=False, length=32), nullable=True),
    sa.Column('action_item_id', sa.Integer(), nullable=True),
    sa.Column('created_at', postmortem_desk.domain.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_item_id'], ['actionitem.id'], name=op.f('fk_parkinglotitem_action_item_id_actionitem'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['postmortem_id'], ['postmortem.id'], name=op.f('fk_parkinglotitem_postmortem_id_postmortem'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parkinglotitem'))
    )
    with op.batch_alter_table('parkinglotitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_parkinglotitem_action_item_id'), ['action_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_parkinglotitem_postmortem_id'), ['postmortem_id'], unique=False)

    op.create_table('whyevidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('why_node_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['timelineevent.id'], name=op.f('fk_whyevidence_event_id_timelineevent'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['why_node_id'], ['whynode.id'], name=op.f('fk_whyevidence_why_node_id_whynode'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_whyevidence'))
    )
    with op.batch_alter_table('whyevidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_whyevidence_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_whyevidence_why_node_id'), ['why_node_id'], unique=False)




def downgrade() -> None:
    """Revert this revision."""

    with op.batch_alter_table('whyevidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_whyevidence_why_node_id'))
        batch_op.drop_index(batch_op.f('ix_whyevidence_event_id'))

    op.drop_table('whyevidence')
    with op.batch_alter_table('parkinglotitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parkinglotitem_postmortem_id'))
        batch_op.drop_index(batch_op.f('ix_parkinglotitem_action_item_id'))

    op.drop_table('parkinglotitem')
    with op.batch_alter_table('eventannotation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eventannotation_event_id'))

    op.drop_table('eventannotation')
    with op.batch_alter_table('timelineevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timelineevent_postmortem_id'))
        batch_op.drop_index(batch_op.f('ix_timelineevent_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_timelineevent_import_batch_id'))

    op.drop_table('timelineevent')
    with op.batch_alter_table('roleassignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roleassignment_postmortem_id'))
        batch_op.drop_index(batch_op.f('ix_roleassignment_participant_id'))

    op.drop_table('roleassignment')
    with op.batch_alter_table('actionitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actionitem_why_node_id'))
        batch_op.drop_index(batch_op.f('ix_actionitem_postmortem_id'))

    op.drop_table('actionitem')
    with op.batch_alter_table('whynode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_whynode_postmortem_id'))
        batch_op.drop_index(batch_op.f('ix_whynode_parent_id'))

    op.drop_table('whynode')
    with op.batch_alter_table('publishedpage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_publishedpage_postmortem_id'))

    op.drop_table('publishedpage')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_postmortem_id'))

    op.drop_table('participant')
    with op.batch_alter_table('outboxjob', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outboxjob_postmortem_id'))

    op.drop_table('outboxjob')
    with op.batch_alter_table('meetingsteplog', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetingsteplog_postmortem_id'))

    op.drop_table('meetingsteplog')
    with op.batch_alter_table('lessonlearned', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lessonlearned_postmortem_id'))

    op.drop_table('lessonlearned')
    with op.batch_alter_table('importbatch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_importbatch_postmortem_id'))

    op.drop_table('importbatch')
    with op.batch_alter_table('ignoredfinding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ignoredfinding_postmortem_id'))

    op.drop_table('ignoredfinding')
    with op.batch_alter_table('evidencelink', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidencelink_postmortem_id'))

    op.drop_table('evidencelink')
    op.drop_table('setting')
    with op.batch_alter_table('postmortem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_postmortem_deleted_at'))

    op.drop_table('postmortem')

