"""Initial schema: the whole domain model of domain.md §9 (reference, case, referral, register, exchange, users, audit).

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('site_code', sa.String(length=13), nullable=True),
    sa.Column('actor_id', sa.String(length=80), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('device', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=True),
    sa.Column('entity_id', sa.String(length=36), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('recipient', sa.String(length=200), nullable=True),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_event_hash')),
    sa.UniqueConstraint('id', name=op.f('uq_audit_event_id'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_entity_id'), ['entity_id'], unique=False)

    op.create_table('code_list_entry',
    sa.Column('list_name', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_code_list_entry')),
    sa.UniqueConstraint('list_name', 'code', name=op.f('uq_code_list_entry_list_name_code'))
    )
    op.create_table('complaint_category',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('related_programs', sa.JSON(), nullable=False),
    sa.Column('default_urgency', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_category')),
    sa.UniqueConstraint('code', name=op.f('uq_complaint_category_code'))
    )
    op.create_table('exchange_package',
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('direction', sa.String(length=6), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sender_code', sa.String(length=13), nullable=False),
    sa.Column('receiver_code', sa.String(length=13), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('previous_package_uuid', sa.String(length=36), nullable=True),
    sa.Column('format_version', sa.String(length=10), nullable=False),
    sa.Column('package_created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('row_counts', sa.JSON(), nullable=False),
    sa.Column('audit_head', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_package')),
    sa.UniqueConstraint('direction', 'sender_code', 'sequence', name=op.f('uq_exchange_package_direction_sender_code_sequence')),
    sa.UniqueConstraint('package_uuid', name=op.f('uq_exchange_package_package_uuid'))
    )
    op.create_table('export_record',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('row_counts', sa.JSON(), nullable=False),
    sa.Column('columns', sa.JSON(), nullable=False),
    sa.Column('encrypted', sa.Boolean(), nullable=False),
    sa.Column('masked', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_record'))
    )
    op.create_table('follow_up',
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('method', sa.String(length=30), nullable=False),
    sa.Column('officer_id', sa.String(length=80), nullable=False),
    sa.Column('status_before', sa.String(length=30), nullable=True),
    sa.Column('status_after', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('next_action_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_entity_id'), ['entity_id'], unique=False)

    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday')),
    sa.UniqueConstraint('day', 'name', name=op.f('uq_holiday_day_name'))
    )
    with op.batch_alter_table('holiday', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_holiday_day'), ['day'], unique=False)

    op.create_table('holiday_year',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('decree', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holiday_year')),
    sa.UniqueConstraint('year', name=op.f('uq_holiday_year_year'))
    )
    op.create_table('household',
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('kk_number', sa.String(length=16), nullable=True),
    sa.Column('no_kk_reason', sa.String(length=30), nullable=True),
    sa.Column('head_person_id', sa.String(length=36), nullable=True),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('rt', sa.String(length=3), nullable=False),
    sa.Column('rw', sa.String(length=3), nullable=False),
    sa.Column('hamlet', sa.String(length=100), nullable=False),
    sa.Column('village_code', sa.String(length=13), nullable=False),
    sa.Column('postal_code', sa.String(length=5), nullable=True),
    sa.Column('lives_at_kk_address', sa.Boolean(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('housing', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household')),
    sa.UniqueConstraint('number', name=op.f('uq_household_number'))
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_kk_number'), ['kk_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_village_code'), ['village_code'], unique=False)

    op.create_table('need_domain',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('related_programs', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need_domain')),
    sa.UniqueConstraint('code', name=op.f('uq_need_domain_code'))
    )
    op.create_table('number_sequence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_sequence')),
    sa.UniqueConstraint('name', 'period', name=op.f('uq_number_sequence_name_period'))
    )
    op.create_table('ppks_category',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('atensi_cluster', sa.String(length=30), nullable=True),
    sa.Column('specific_data', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppks_category')),
    sa.UniqueConstraint('code', name=op.f('uq_ppks_category_code'))
    )
    op.create_table('program',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('max_desil', sa.Integer(), nullable=True),
    sa.Column('card_name', sa.String(length=40), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program')),
    sa.UniqueConstraint('code', name=op.f('uq_program_code'))
    )
    op.create_table('register_batch',
    sa.Column('dataset', sa.String(length=8), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_label', sa.String(length=200), nullable=False),
    sa.Column('column_mapping', sa.JSON(), nullable=False),
    sa.Column('rows_total', sa.Integer(), nullable=False),
    sa.Column('rows_imported', sa.Integer(), nullable=False),
    sa.Column('rows_other_village', sa.Integer(), nullable=False),
    sa.Column('rows_rejected', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_batch'))
    )
    op.create_table('service_directory_entry',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('service_name', sa.String(length=250), nullable=False),
    sa.Column('program_code', sa.String(length=30), nullable=True),
    sa.Column('organization', sa.String(length=250), nullable=False),
    sa.Column('organization_kind', sa.String(length=30), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('region_code', sa.String(length=13), nullable=True),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=120), nullable=True),
    sa.Column('url', sa.String(length=300), nullable=True),
    sa.Column('hours', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('eligibility', sa.Text(), nullable=False),
    sa.Column('required_documents', sa.JSON(), nullable=False),
    sa.Column('need_domains', sa.JSON(), nullable=False),
    sa.Column('response_days', sa.Integer(), nullable=False),
    sa.Column('needs_explicit_consent', sa.Boolean(), nullable=False),
    sa.Column('needs_full_ids', sa.Boolean(), nullable=False),
    sa.Column('is_example', sa.Boolean(), nullable=False),
    sa.Column('supplied_by', sa.String(length=120), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_directory_entry')),
    sa.UniqueConstraint('code', name=op.f('uq_service_directory_entry_code'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_setting_key'))
    )
    op.create_table('site',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('region_path', sa.String(length=300), nullable=False),
    sa.Column('parent_code', sa.String(length=13), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
    sa.UniqueConstraint('code', name=op.f('uq_site_code'))
    )
    op.create_table('site_key',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_code', sa.String(length=13), nullable=False),
    sa.Column('algorithm', sa.String(length=20), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('private_key', sa.LargeBinary(), nullable=False),
    sa.Column('audit_secret', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_key')),
    sa.UniqueConstraint('site_code', name=op.f('uq_site_key_site_code'))
    )
    op.create_table('trusted_site',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('enrolment_code_hash', sa.String(length=200), nullable=True),
    sa.Column('trusted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trusted_site')),
    sa.UniqueConstraint('code', name=op.f('uq_trusted_site_code'))
    )
    op.create_table('user_account',
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('staff_id', sa.String(length=30), nullable=True),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('region_scope', sa.String(length=13), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    op.create_table('wilayah',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_code', sa.String(length=13), nullable=True),
    sa.Column('postal_code', sa.String(length=5), nullable=True),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.Column('bps_code', sa.String(length=10), nullable=True),
    sa.Column('siks_id', sa.String(length=20), nullable=True),
    sa.Column('source_regulation', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_wilayah'))
    )
    with op.batch_alter_table('wilayah', schema=None) as batch_op:
        batch_op.create_index('ix_wilayah_parent_code', ['parent_code'], unique=False)
        batch_op.create_index('ix_wilayah_parent_name', ['parent_code', 'name_key'], unique=False)

    op.create_table('kk_history',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('kk_number', sa.String(length=16), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_kk_history_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kk_history'))
    )
    with op.batch_alter_table('kk_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kk_history_household_id'), ['household_id'], unique=False)

    op.create_table('person',
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('no_nik_reason', sa.String(length=30), nullable=True),
    sa.Column('nik_check', sa.JSON(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('birth_place', sa.String(length=120), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('relation', sa.String(length=30), nullable=False),
    sa.Column('marital_status', sa.String(length=20), nullable=True),
    sa.Column('religion', sa.String(length=20), nullable=True),
    sa.Column('education', sa.String(length=20), nullable=True),
    sa.Column('school_status', sa.String(length=30), nullable=True),
    sa.Column('occupation', sa.String(length=120), nullable=True),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('disability', sa.JSON(), nullable=False),
    sa.Column('chronic_illness', sa.Text(), nullable=True),
    sa.Column('pregnant', sa.Boolean(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('mother_name', sa.String(length=200), nullable=True),
    sa.Column('residence_status', sa.String(length=20), nullable=False),
    sa.Column('citizenship', sa.String(length=3), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('duplicate_of', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_person_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index('ix_person_birth_date', ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_household_id'), ['household_id'], unique=False)
        batch_op.create_index('ix_person_name_key', ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_nik'), ['nik'], unique=False)

    op.create_table('register_issue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('row_number', sa.Integer(), nullable=False),
    sa.Column('column', sa.String(length=120), nullable=False),
    sa.Column('masked_value', sa.String(length=120), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['register_batch.id'], name=op.f('fk_register_issue_batch_id_register_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_issue'))
    )
    with op.batch_alter_table('register_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_issue_batch_id'), ['batch_id'], unique=False)

    op.create_table('register_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('dataset', sa.String(length=8), nullable=False),
    sa.Column('family_id', sa.String(length=40), nullable=True),
    sa.Column('register_person_id', sa.String(length=40), nullable=True),
    sa.Column('kk_number', sa.String(length=16), nullable=True),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('relation', sa.String(length=40), nullable=True),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('rt', sa.String(length=3), nullable=False),
    sa.Column('rw', sa.String(length=3), nullable=False),
    sa.Column('village_code', sa.String(length=13), nullable=True),
    sa.Column('village_name', sa.String(length=120), nullable=False),
    sa.Column('desil_national', sa.Integer(), nullable=True),
    sa.Column('desil_province', sa.Integer(), nullable=True),
    sa.Column('desil_regency', sa.Integer(), nullable=True),
    sa.Column('programs', sa.JSON(), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['register_batch.id'], name=op.f('fk_register_record_batch_id_register_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_record'))
    )
    with op.batch_alter_table('register_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_record_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_register_record_kk_number'), ['kk_number'], unique=False)
        batch_op.create_index('ix_register_record_name_key', ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_register_record_nik'), ['nik'], unique=False)

    op.create_table('household_change_request',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=25), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('decided_by', sa.String(length=80), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('decided_where', sa.String(length=12), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_change_request_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_household_change_request_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_change_request')),
    sa.UniqueConstraint('number', name=op.f('uq_household_change_request_number'))
    )
    with op.batch_alter_table('household_change_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_change_request_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_change_request_person_id'), ['person_id'], unique=False)

    op.create_table('membership',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('relation', sa.String(length=30), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_membership_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)

    op.create_table('participation',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('program_code', sa.String(length=30), nullable=False),
    sa.Column('card_number', sa.String(length=40), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_participation_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_participation_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation'))
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_person_id'), ['person_id'], unique=False)

    op.create_table('person_ppks',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('ppks_code', sa.String(length=10), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_ppks_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_ppks'))
    )
    with op.batch_alter_table('person_ppks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_ppks_person_id'), ['person_id'], unique=False)

    op.create_table('visit',
    sa.Column('registration_number', sa.String(length=40), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('applicant_person_id', sa.String(length=36), nullable=True),
    sa.Column('applicant_name', sa.String(length=200), nullable=False),
    sa.Column('applicant_relation', sa.String(length=20), nullable=False),
    sa.Column('subject_person_ids', sa.JSON(), nullable=False),
    sa.Column('officer_id', sa.String(length=80), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['applicant_person_id'], ['person.id'], name=op.f('fk_visit_applicant_person_id_person')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_visit_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit')),
    sa.UniqueConstraint('registration_number', name=op.f('uq_visit_registration_number'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_applicant_person_id'), ['applicant_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('complaint',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('category_code', sa.String(length=40), nullable=False),
    sa.Column('program_code', sa.String(length=30), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('urgency', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=25), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=80), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_complaint_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_complaint_person_id_person')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_complaint_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('number', name=op.f('uq_complaint_number'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_complaint_status_due', ['status', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_visit_id'), ['visit_id'], unique=False)

    op.create_table('consent',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('legal_basis', sa.String(length=30), nullable=False),
    sa.Column('notice_given', sa.Boolean(), nullable=False),
    sa.Column('purposes', sa.JSON(), nullable=False),
    sa.Column('given_by', sa.String(length=20), nullable=False),
    sa.Column('given_by_name', sa.String(length=200), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notice_version', sa.String(length=40), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_consent_person_id_person')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_consent_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consent_visit_id'), ['visit_id'], unique=False)

    op.create_table('dtsen_proposal',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('members_snapshot', sa.JSON(), nullable=False),
    sa.Column('housing_snapshot', sa.JSON(), nullable=False),
    sa.Column('criteria_262', sa.JSON(), nullable=False),
    sa.Column('requested_programs', sa.JSON(), nullable=False),
    sa.Column('musdes_date', sa.Date(), nullable=True),
    sa.Column('musdes_minutes_number', sa.String(length=80), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('verification_notes', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('export_package_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_dtsen_proposal_household_id_household')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_dtsen_proposal_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dtsen_proposal')),
    sa.UniqueConstraint('number', name=op.f('uq_dtsen_proposal_number'))
    )
    with op.batch_alter_table('dtsen_proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dtsen_proposal_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dtsen_proposal_visit_id'), ['visit_id'], unique=False)

    op.create_table('need',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('complaint_id', sa.String(length=36), nullable=True),
    sa.Column('domain_code', sa.String(length=20), nullable=False),
    sa.Column('ppks_codes', sa.JSON(), nullable=False),
    sa.Column('proposed_program', sa.String(length=30), nullable=True),
    sa.Column('eligibility', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_need_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_need_household_id_household')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_need_person_id_person')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_need_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need')),
    sa.UniqueConstraint('number', name=op.f('uq_need_number'))
    )
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_need_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_need_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_need_status_due', ['status', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_need_visit_id'), ['visit_id'], unique=False)

    op.create_table('referral',
    sa.Column('letter_number', sa.String(length=80), nullable=False),
    sa.Column('letter_year', sa.Integer(), nullable=False),
    sa.Column('letter_seq', sa.Integer(), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('need_id', sa.String(length=36), nullable=True),
    sa.Column('complaint_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('recipient_snapshot', sa.JSON(), nullable=False),
    sa.Column('requested_service', sa.Text(), nullable=False),
    sa.Column('problem_summary', sa.Text(), nullable=False),
    sa.Column('register_snapshot', sa.JSON(), nullable=False),
    sa.Column('documents_attached', sa.JSON(), nullable=False),
    sa.Column('data_shared', sa.JSON(), nullable=False),
    sa.Column('consent_id', sa.String(length=36), nullable=True),
    sa.Column('full_ids_on_slip', sa.Boolean(), nullable=False),
    sa.Column('drafted_by', sa.String(length=80), nullable=False),
    sa.Column('approved_by', sa.String(length=80), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('response_due', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=25), nullable=True),
    sa.Column('outcome_notes', sa.Text(), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_referral_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_referral_consent_id_consent')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_referral_household_id_household')),
    sa.ForeignKeyConstraint(['need_id'], ['need.id'], name=op.f('fk_referral_need_id_need')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_referral_person_id_person')),
    sa.ForeignKeyConstraint(['service_id'], ['service_directory_entry.id'], name=op.f('fk_referral_service_id_service_directory_entry')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_referral_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('letter_number', name=op.f('uq_referral_letter_number')),
    sa.UniqueConstraint('letter_year', 'letter_seq', name=op.f('uq_referral_letter_year_letter_seq'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_consent_id'), ['consent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_service_id'), ['service_id'], unique=False)
        batch_op.create_index('ix_referral_status_due', ['status', 'response_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_visit_id'), ['visit_id'], unique=False)

    op.create_table('referral_event',
    sa.Column('referral_id', sa.String(length=36), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=80), nullable=False),
    sa.Column('status_before', sa.String(length=20), nullable=True),
    sa.Column('status_after', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('next_action_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=80), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.Column('origin_site', sa.String(length=13), nullable=True),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_event_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event'))
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_referral_id'), ['referral_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_event_referral_id'))

    op.drop_table('referral_event')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_visit_id'))
        batch_op.drop_index('ix_referral_status_due')
        batch_op.drop_index(batch_op.f('ix_referral_service_id'))
        batch_op.drop_index(batch_op.f('ix_referral_person_id'))
        batch_op.drop_index(batch_op.f('ix_referral_need_id'))
        batch_op.drop_index(batch_op.f('ix_referral_household_id'))
        batch_op.drop_index(batch_op.f('ix_referral_consent_id'))
        batch_op.drop_index(batch_op.f('ix_referral_complaint_id'))

    op.drop_table('referral')
    with op.batch_alter_table('need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_visit_id'))
        batch_op.drop_index('ix_need_status_due')
        batch_op.drop_index(batch_op.f('ix_need_person_id'))
        batch_op.drop_index(batch_op.f('ix_need_household_id'))
        batch_op.drop_index(batch_op.f('ix_need_complaint_id'))

    op.drop_table('need')
    with op.batch_alter_table('dtsen_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dtsen_proposal_visit_id'))
        batch_op.drop_index(batch_op.f('ix_dtsen_proposal_household_id'))

    op.drop_table('dtsen_proposal')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_visit_id'))
        batch_op.drop_index(batch_op.f('ix_consent_person_id'))

    op.drop_table('consent')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_visit_id'))
        batch_op.drop_index('ix_complaint_status_due')
        batch_op.drop_index(batch_op.f('ix_complaint_person_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_household_id'))

    op.drop_table('complaint')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_visit_household_id'))
        batch_op.drop_index(batch_op.f('ix_visit_applicant_person_id'))

    op.drop_table('visit')
    with op.batch_alter_table('person_ppks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_ppks_person_id'))

    op.drop_table('person_ppks')
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_person_id'))
        batch_op.drop_index(batch_op.f('ix_participation_household_id'))

    op.drop_table('participation')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_person_id'))
        batch_op.drop_index(batch_op.f('ix_membership_household_id'))

    op.drop_table('membership')
    with op.batch_alter_table('household_change_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_change_request_person_id'))
        batch_op.drop_index(batch_op.f('ix_household_change_request_household_id'))

    op.drop_table('household_change_request')
    with op.batch_alter_table('register_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_record_nik'))
        batch_op.drop_index('ix_register_record_name_key')
        batch_op.drop_index(batch_op.f('ix_register_record_kk_number'))
        batch_op.drop_index(batch_op.f('ix_register_record_batch_id'))

    op.drop_table('register_record')
    with op.batch_alter_table('register_issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_issue_batch_id'))

    op.drop_table('register_issue')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_nik'))
        batch_op.drop_index('ix_person_name_key')
        batch_op.drop_index(batch_op.f('ix_person_household_id'))
        batch_op.drop_index('ix_person_birth_date')

    op.drop_table('person')
    with op.batch_alter_table('kk_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kk_history_household_id'))

    op.drop_table('kk_history')
    with op.batch_alter_table('wilayah', schema=None) as batch_op:
        batch_op.drop_index('ix_wilayah_parent_name')
        batch_op.drop_index('ix_wilayah_parent_code')

    op.drop_table('wilayah')
    op.drop_table('user_account')
    op.drop_table('trusted_site')
    op.drop_table('site_key')
    op.drop_table('site')
    op.drop_table('setting')
    op.drop_table('service_directory_entry')
    op.drop_table('register_batch')
    op.drop_table('program')
    op.drop_table('ppks_category')
    op.drop_table('number_sequence')
    op.drop_table('need_domain')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_village_code'))
        batch_op.drop_index(batch_op.f('ix_household_kk_number'))

    op.drop_table('household')
    op.drop_table('holiday_year')
    with op.batch_alter_table('holiday', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_holiday_day'))

    op.drop_table('holiday')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_entity_id'))

    op.drop_table('follow_up')
    op.drop_table('export_record')
    op.drop_table('exchange_package')
    op.drop_table('complaint_category')
    op.drop_table('code_list_entry')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_entity_id'))

    op.drop_table('audit_event')
