import { describe, expect, it } from 'vitest';
import { titleWithPage } from '../../src/lib/site/pagination';

describe('titleWithPage', () => {
  it('adds "page N of M" after the first page only', () => {
    expect(titleWithPage('World', { currentPage: 1, lastPage: 3 })).toBe('World');
    expect(titleWithPage('World', { currentPage: 2, lastPage: 3 })).toBe('World (page 2 of 3)');
  });
});
