/** 5,000 distinct tags, as a large Rocket.Chat enterprise server has. */
export function benchTags(count = 5000): string[] {
  const topics = ['billing', 'refund', 'login', 'bug', 'feature', 'sales', 'vip', 'churn', 'onboarding', 'shipping'];
  return Array.from({ length: count }, (_, index) => `${topics[index % topics.length] ?? 'tag'}-${String(index).padStart(4, '0')}`);
}
