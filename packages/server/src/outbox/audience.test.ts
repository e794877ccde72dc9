import { describe, expect, test } from 'vitest';
import { canRead, PUBLIC_VIEWER, storedAudience } from './audience';
import { parseTopics, topicsOf } from './topics';

describe('canRead', () => {
  const member = { ...PUBLIC_VIEWER, accountId: 'a1', roles: ['member'] as const };
  test('public events are for everyone; restricted ones for their lists and admins', () => {
    expect(canRead({ public: true }, PUBLIC_VIEWER)).toBe(true);
    expect(canRead({ accountIds: ['a1'] }, PUBLIC_VIEWER)).toBe(false);
    expect(canRead({ accountIds: ['a1'] }, member)).toBe(true);
    expect(canRead({ accountIds: ['a2'] }, member)).toBe(false);
    expect(canRead({ roles: ['moderator'] }, member)).toBe(false);
    expect(canRead({ roles: ['moderator'] }, { ...member, roles: ['moderator'] })).toBe(true);
    expect(canRead({ roles: ['moderator'] }, { ...member, roles: ['admin'] })).toBe(true);
    expect(canRead({ organizationIds: ['iec'] }, { ...member, organizationId: 'iec' })).toBe(true);
    expect(canRead({ partnerIds: ['p1'] }, { ...PUBLIC_VIEWER, partnerId: 'p1' })).toBe(true);
    expect(canRead({}, member)).toBe(false);
  });

  test('the partner a change came through joins a restricted audience, never a public one', () => {
    expect(storedAudience('public', 'p1')).toEqual({ public: true });
    expect(storedAudience({ accountIds: ['a1', 'a1'] }, 'p1')).toEqual({
      accountIds: ['a1'],
      partnerIds: ['p1'],
    });
  });
});

describe('topics', () => {
  test('each event type belongs to its collection and its object', () => {
    expect(topicsOf('pain_point.voted', { type: 'pain_point', id: 'p1' }, { painPointId: 'p1' })).toEqual([
      'votes',
      'pain-points/p1',
    ]);
    expect(topicsOf('comment.created', { type: 'comment', id: 'c1' }, { painPointId: 'p1' })).toEqual([
      'comments',
      'pain-points/p1',
    ]);
    expect(topicsOf('registration.promoted', { type: 'registration', id: 'r1' }, { eventId: 'e1' })).toEqual([
      'registrations',
      'events/e1',
    ]);
    expect(topicsOf('event.updated', { type: 'event', id: 'e1' }, {})).toEqual(['events', 'events/e1']);
  });

  test('parseTopics: default every collection; unknown ones are a 422 on topics', () => {
    expect(parseTopics(undefined)).toContain('pain-points');
    expect(parseTopics(' votes , events/abc ')).toEqual(['votes', 'events/abc']);
    expect(() => parseTopics('votes,admin')).toThrow(/Unknown topics: admin/);
  });
});
