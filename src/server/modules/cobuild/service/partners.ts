/** Partner units (共建单位), their commitments and resources, and 双报到 party members. */
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { residentBrief } from '../../registry/index.ts';
import { authorize, ownCommunity, who, type Ctx } from '../context.ts';
import * as repo from '../repository.ts';
import { isUniqueViolation, num } from '../repository/db.ts';
import type { ResourceKind, UnitKind } from '../schema.ts';

/** A new partner unit. */
export interface UnitInput {
  communityCode: string;
  name: string;
  kind: UnitKind;
  contactName: string;
  contactPhone: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  description: string;
  published: boolean;
}

export async function createUnit(ctx: Ctx, u: UnitInput) {
  authorize(ctx, 'manage', u.communityCode);
  const id = uuidv7(ctx.now.getTime());
  const row = {
    id,
    community_code: u.communityCode,
    name: u.name,
    kind: u.kind,
    contact_name: u.contactName,
    contact_phone: u.contactPhone,
    address: u.address,
    lon: u.lon,
    lat: u.lat,
    description: u.description,
    published: u.published,
    created_at: ctx.now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUnit(trx, row);
    await audit(trx, who(ctx), {
      action: 'cobuild.unit.create',
      entity: 'cobuild_unit',
      entityId: id,
      scopeCode: u.communityCode,
      after: row,
      ip: ctx.ip,
    });
  });
  return unitDetail(ctx, id);
}

export async function listUnits(ctx: Ctx, code: string) {
  authorize(ctx, 'read', code);
  const units = await repo.unitsOf(ctx.db, code);
  const commitments = await repo.commitmentsOf(
    ctx.db,
    units.map((u) => u.id),
  );
  return units.map((u) => presentUnit(u, commitments));
}

export async function unitDetail(ctx: Ctx, id: string) {
  const u = await repo.getUnit(ctx.db, id);
  if (!u) throw new AppError('NOT_FOUND');
  authorize(ctx, 'read', u.community_code, true);
  const commitments = await repo.commitmentsOf(ctx.db, [id]);
  const resources = (await repo.resourcesOf(ctx.db, u.community_code)).filter((r) => r.unit_id === id);
  const members = (await repo.membersOf(ctx.db, u.community_code)).filter((m) => m.unit_id === id);
  const projects = (await repo.projectsOf(ctx.db, u.community_code)).filter((p) => p.unit_id === id);
  return {
    ...presentUnit(u, commitments),
    resources: resources.map(presentResource),
    members: members.map((m) => ({ id: m.id, name: m.name, employer: m.employer, registeredAt: m.registered_at })),
    projects: projects.map((p) => ({ id: p.id, needTitle: p.need_title, status: p.status, progress: p.progress })),
  };
}

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.getUnit>>>;
type CommitmentRow = Awaited<ReturnType<typeof repo.commitmentsOf>>[number];
function presentUnit(u: UnitRow, commitments: CommitmentRow[]) {
  return {
    id: u.id,
    communityCode: u.community_code,
    name: u.name,
    kind: u.kind,
    contactName: u.contact_name,
    contactPhone: u.contact_phone,
    address: u.address,
    lon: u.lon,
    lat: u.lat,
    description: u.description,
    published: u.published,
    commitments: commitments
      .filter((c) => c.unit_id === u.id)
      .map((c) => ({ id: c.id, year: c.year, title: c.title, targetHours: c.target_hours })),
  };
}

export async function addCommitment(
  ctx: Ctx,
  unitId: string,
  c: { year: number; title: string; targetHours: number | null },
) {
  const u = await repo.getUnit(ctx.db, unitId);
  if (!u) throw new AppError('NOT_FOUND');
  authorize(ctx, 'manage', u.community_code, true);
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: u.community_code,
    unit_id: unitId,
    year: c.year,
    title: c.title,
    target_hours: c.targetHours,
    created_at: ctx.now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCommitment(trx, row);
    await audit(trx, who(ctx), {
      action: 'cobuild.commitment.create',
      entity: 'cobuild_commitment',
      entityId: row.id,
      scopeCode: u.community_code,
      after: row,
      ip: ctx.ip,
    });
  });
  return unitDetail(ctx, unitId);
}

/** A resource on the resources list: a unit's, or the community's own when `unitId` is null. */
export interface ResourceInput {
  communityCode: string;
  unitId: string | null;
  kind: ResourceKind;
  category: string;
  title: string;
  amountFen: number | null;
  hours: number | null;
}

export async function addResource(ctx: Ctx, r: ResourceInput) {
  authorize(ctx, 'manage', r.communityCode);
  if (r.unitId) {
    const u = await repo.getUnit(ctx.db, r.unitId);
    if (!u || u.community_code !== r.communityCode) throw new AppError('NOT_FOUND');
  }
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: r.communityCode,
    unit_id: r.unitId,
    kind: r.kind,
    category: r.category,
    title: r.title,
    amount_fen: r.amountFen,
    hours: r.hours,
    created_at: ctx.now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertResource(trx, row);
    await audit(trx, who(ctx), {
      action: 'cobuild.resource.create',
      entity: 'cobuild_resource',
      entityId: row.id,
      scopeCode: r.communityCode,
      after: row,
      ip: ctx.ip,
    });
  });
  return { id: row.id };
}

type ResourceRow = Awaited<ReturnType<typeof repo.resourcesOf>>[number];
function presentResource(r: ResourceRow) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    category: r.category,
    title: r.title,
    amountFen: r.amount_fen === null ? null : num(r.amount_fen),
    hours: r.hours,
  };
}

export async function listResources(ctx: Ctx, code: string) {
  authorize(ctx, 'read', code);
  return (await repo.resourcesOf(ctx.db, code)).map(presentResource);
}

/**
 * Registers a party member (双报到) with their residential community and the unit they work for. Staff name the
 * resident; a resident registers themselves (`residentId` null). The register entry must live in the community.
 */
export async function registerMember(
  ctx: Ctx,
  m: { residentId: string | null; unitId: string | null; employer: string },
) {
  const residentId = m.residentId ?? ctx.actor.residentId;
  if (!residentId) throw new AppError('COBUILD_NOT_RESIDENT');
  const r = await residentBrief(ctx.db, residentId);
  if (!r) throw new AppError('NOT_FOUND');
  if (m.residentId) authorize(ctx, 'manage', r.communityCode, true);
  else if (ownCommunity(ctx) !== r.communityCode) throw new AppError('COBUILD_NOT_RESIDENT');
  else authorize(ctx, 'volunteer', r.communityCode);
  let employer = m.employer;
  if (m.unitId) {
    const u = await repo.getUnit(ctx.db, m.unitId);
    if (!u || u.community_code !== r.communityCode) throw new AppError('NOT_FOUND');
    employer = employer || u.name;
  }
  const row = {
    id: uuidv7(ctx.now.getTime()),
    community_code: r.communityCode,
    resident_id: r.id,
    name: r.name,
    unit_id: m.unitId,
    employer,
    registered_at: ctx.now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertMember(trx, row);
      await audit(trx, who(ctx), {
        action: 'cobuild.member.register',
        entity: 'cobuild_member',
        entityId: row.id,
        scopeCode: r.communityCode,
        after: row,
        ip: ctx.ip,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('COBUILD_ALREADY_REGISTERED');
    throw e;
  }
  return { id: row.id, name: row.name, unitId: row.unit_id, employer, registeredAt: ctx.now };
}

export async function listMembers(ctx: Ctx, code: string) {
  authorize(ctx, 'read', code);
  return (await repo.membersOf(ctx.db, code)).map((m) => ({
    id: m.id,
    residentId: m.resident_id,
    name: m.name,
    unitId: m.unit_id,
    unitName: m.unit_name,
    employer: m.employer,
    registeredAt: m.registered_at,
  }));
}
