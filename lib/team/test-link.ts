/** A team link for tests: a well-formed one that points nowhere (tests never push with it). */
export const TEST_LINK = {
  url: 'https://team.example.com',
  token: `ct_${'a'.repeat(43)}`,
  team: 'Hearth',
  agent: 'Sam',
  agentId: '0190a3b8-1b2c-7d3e-8f40-123456789abc',
  role: 'agent' as const,
  joinedAt: '2026-12-05T06:00:00.000Z',
};
