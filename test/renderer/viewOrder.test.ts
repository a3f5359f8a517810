import { describe, expect, it } from 'vitest';
import { views } from '../../renderer/src/components/nav/views';
import { viewIds } from '../../renderer/src/stores/navStore';

describe('the screens', () => {
  it('follow navStore’s viewIds, which the help overlay lists without importing the views (no cycle)', () => {
    expect(views.map((v) => v.id)).toEqual([...viewIds]);
  });
});
