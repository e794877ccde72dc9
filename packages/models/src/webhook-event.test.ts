import { describe, expect, it } from 'vitest';
import { isKnownWebhookEvent, parseWebhookEvent } from './webhook-event';

const envelope = { id: '42', createdAt: '2026-05-01T08:00:00.000Z' };

describe('parseWebhookEvent', () => {
  it('checks the data of a known type and keeps fields it does not know', () => {
    const event = {
      ...envelope,
      type: 'pain_point.voted',
      data: { painPointId: 'pp_1', voteCount: 3, extra: 1 },
    };
    const result = parseWebhookEvent(event);
    expect(result).toEqual({ success: true, event });
    expect(result.success && isKnownWebhookEvent(result.event)).toBe(true);
  });

  it('names the field of a known type that does not match', () => {
    const result = parseWebhookEvent({
      ...envelope,
      type: 'pain_point.voted',
      data: { painPointId: 'pp_1' },
    });
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual(['data.voteCount']);
  });

  it('passes an event type added after this version, data unchecked', () => {
    const event = { ...envelope, type: 'pain_point.archived', data: { id: 'pp_1', reason: 'merged' } };
    const result = parseWebhookEvent(event);
    expect(result).toEqual({ success: true, event });
    expect(result.success && isKnownWebhookEvent(result.event)).toBe(false);
  });

  it('accepts both shapes of registration data: full for the member, seats for everyone else', () => {
    const seats = { eventId: 'ev_1', capacity: 100, seatsLeft: 3, waitlisted: 0 };
    const full = {
      ...seats,
      id: 'reg_1',
      stakeholderId: 'st_1',
      status: 'confirmed',
      waitlistPosition: null,
      basis: 'community-member',
      createdAt: '2026-05-01T08:00:00.000Z',
    };
    for (const data of [seats, full]) {
      expect(parseWebhookEvent({ ...envelope, type: 'registration.created', data }).success).toBe(true);
    }
  });

  it('refuses what is not an event', () => {
    for (const value of [null, 'text', { ...envelope, type: 7, data: {} }, { ...envelope, type: 'x.y' }]) {
      expect(parseWebhookEvent(value).success).toBe(false);
    }
  });
});
