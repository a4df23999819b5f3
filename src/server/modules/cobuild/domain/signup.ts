/** Sign-up and waiting list (pure): first come first served up to capacity, then a queue in arrival order. */

/** The status a new sign-up gets. */
export function signupStatus(confirmed: number, capacity: number): 'confirmed' | 'waiting' {
  return confirmed < capacity ? 'confirmed' : 'waiting';
}

/** How many of the waiting (in queue order) move up after a change: as many as there are free places. */
export function promotions(confirmed: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(waiting, capacity - confirmed));
}
