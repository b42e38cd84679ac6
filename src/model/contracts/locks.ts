// Contracts of locks, RCU, and sleeping calls: what acquires/releases what, and what may sleep.

import { p, type ApiContract, type LockClass } from './types.js';

const RCUPDATE_H = 'include/linux/rcupdate.h';
const SRCU_H = 'include/linux/srcu.h';
const SPINLOCK_H = 'include/linux/spinlock.h';
const RWLOCK_H = 'include/linux/rwlock.h';
const MUTEX_H = 'include/linux/mutex.h';
const DELAY_H = 'include/linux/delay.h';
const SCHED_H = 'include/linux/sched.h';

type Disables = NonNullable<ApiContract['lock']>['alsoDisables'];

const lock = (
  name: string,
  cls: LockClass,
  op: 'acquire' | 'release',
  source: string,
  extra: Partial<ApiContract> & { alsoDisables?: Disables; conditional?: boolean } = {},
): ApiContract => {
  const { alsoDisables, conditional, ...rest } = extra;
  const l: NonNullable<ApiContract['lock']> = { cls, op };
  if (alsoDisables) l.alsoDisables = alsoDisables;
  if (conditional) l.conditional = true;
  return {
    name,
    category: 'lock',
    params: name.includes('rcu_read') || name.startsWith('preempt') || name.startsWith('local_') ? [] : [p('lock', 'other')],
    returns: { error: 'none', type: 'void' },
    lock: l,
    source,
    ...rest,
  };
};

const sleeper = (name: string, source: string, extra: Partial<ApiContract> = {}): ApiContract => ({
  name,
  category: 'sleep',
  params: [],
  returns: { error: 'none', type: 'void' },
  mightSleep: true,
  source,
  misuse: 'calling it in atomic context: under a spinlock, rcu_read_lock, kmap_atomic, preempt/irq-disabled regions',
  ...extra,
});

const SPIN_ATOMIC = 'sleeping while holding it (the holder runs with preemption disabled)';

/** Lock, RCU and sleep contracts. */
export const LOCK_CONTRACTS: readonly ApiContract[] = [
  // ── RCU ──
  lock('rcu_read_lock', 'rcu', 'acquire', RCUPDATE_H, {
    misuse: 'sleeping inside the read-side critical section (non-preemptible RCU); returning with it held',
  }),
  lock('rcu_read_unlock', 'rcu', 'release', RCUPDATE_H),
  lock('rcu_read_lock_bh', 'rcu_bh', 'acquire', RCUPDATE_H, { alsoDisables: ['bh'] }),
  lock('rcu_read_unlock_bh', 'rcu_bh', 'release', RCUPDATE_H),
  lock('rcu_read_lock_sched', 'rcu_sched', 'acquire', RCUPDATE_H, { alsoDisables: ['preempt'] }),
  lock('rcu_read_unlock_sched', 'rcu_sched', 'release', RCUPDATE_H),
  {
    name: 'srcu_read_lock',
    category: 'lock',
    params: [p('ssp', 'other')],
    returns: { error: 'none', type: 'int' },
    lock: { cls: 'srcu', op: 'acquire' },
    source: SRCU_H,
    notes: 'Returns the index to pass to srcu_read_unlock; SRCU readers may sleep.',
  },
  {
    name: 'srcu_read_unlock',
    category: 'lock',
    params: [p('ssp', 'other'), p('idx', 'other')],
    returns: { error: 'none', type: 'void' },
    lock: { cls: 'srcu', op: 'release' },
    source: SRCU_H,
  },
  // ── spinlocks ──
  lock('spin_lock', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['preempt'], misuse: SPIN_ATOMIC }),
  lock('spin_unlock', 'spin', 'release', SPINLOCK_H),
  lock('spin_lock_irqsave', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['irq', 'preempt'], misuse: SPIN_ATOMIC }),
  lock('spin_unlock_irqrestore', 'spin', 'release', SPINLOCK_H),
  lock('spin_lock_irq', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['irq', 'preempt'], misuse: SPIN_ATOMIC }),
  lock('spin_unlock_irq', 'spin', 'release', SPINLOCK_H),
  lock('spin_lock_bh', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['bh', 'preempt'], misuse: SPIN_ATOMIC }),
  lock('spin_unlock_bh', 'spin', 'release', SPINLOCK_H),
  lock('spin_trylock', 'spin', 'acquire', SPINLOCK_H, {
    conditional: true,
    alsoDisables: ['preempt'],
    returns: { error: 'none', type: 'int' },
    notes: 'Non-zero when the lock was taken.',
  }),
  lock('raw_spin_lock', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['preempt'], misuse: SPIN_ATOMIC }),
  lock('raw_spin_unlock', 'spin', 'release', SPINLOCK_H),
  lock('raw_spin_lock_irqsave', 'spin', 'acquire', SPINLOCK_H, { alsoDisables: ['irq', 'preempt'], misuse: SPIN_ATOMIC }),
  lock('raw_spin_unlock_irqrestore', 'spin', 'release', SPINLOCK_H),
  lock('read_lock', 'rwlock', 'acquire', RWLOCK_H, { alsoDisables: ['preempt'], misuse: SPIN_ATOMIC }),
  lock('read_unlock', 'rwlock', 'release', RWLOCK_H),
  lock('write_lock', 'rwlock', 'acquire', RWLOCK_H, { alsoDisables: ['preempt'], misuse: SPIN_ATOMIC }),
  lock('write_unlock', 'rwlock', 'release', RWLOCK_H),
  // ── mutexes ──
  lock('mutex_lock', 'mutex', 'acquire', MUTEX_H, {
    mightSleep: true,
    misuse: 'taking it in atomic context (under a spinlock or rcu_read_lock)',
  }),
  lock('mutex_lock_interruptible', 'mutex', 'acquire', MUTEX_H, {
    conditional: true,
    mightSleep: true,
    returns: { error: 'zero-success-negative-errno', type: 'int' },
    misuse: 'ignoring the return value (-EINTR means the lock is NOT held)',
  }),
  lock('mutex_lock_killable', 'mutex', 'acquire', MUTEX_H, {
    conditional: true,
    mightSleep: true,
    returns: { error: 'zero-success-negative-errno', type: 'int' },
  }),
  lock('mutex_trylock', 'mutex', 'acquire', MUTEX_H, {
    conditional: true,
    returns: { error: 'none', type: 'int' },
    notes: '1 when the lock was taken, 0 otherwise (the opposite of spin_trylock-style errno habits).',
  }),
  lock('mutex_unlock', 'mutex', 'release', MUTEX_H),
  // ── preemption, interrupts, softirqs ──
  lock('preempt_disable', 'preempt', 'acquire', 'include/linux/preempt.h'),
  lock('preempt_enable', 'preempt', 'release', 'include/linux/preempt.h'),
  lock('local_irq_disable', 'irq', 'acquire', 'include/linux/irqflags.h'),
  lock('local_irq_enable', 'irq', 'release', 'include/linux/irqflags.h'),
  lock('local_irq_save', 'irq', 'acquire', 'include/linux/irqflags.h'),
  lock('local_irq_restore', 'irq', 'release', 'include/linux/irqflags.h'),
  lock('local_bh_disable', 'bh', 'acquire', 'include/linux/bottom_half.h'),
  lock('local_bh_enable', 'bh', 'release', 'include/linux/bottom_half.h'),
  // ── RCU grace periods ──
  {
    name: 'synchronize_rcu',
    category: 'rcu-sync',
    params: [],
    returns: { error: 'none', type: 'void' },
    mightSleep: true,
    source: RCUPDATE_H,
    misuse: 'calling it inside rcu_read_lock() (deadlock) or in atomic context',
  },
  {
    name: 'synchronize_srcu',
    category: 'rcu-sync',
    params: [p('ssp', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: true,
    source: SRCU_H,
  },
  {
    name: 'rcu_barrier',
    category: 'rcu-sync',
    params: [],
    returns: { error: 'none', type: 'void' },
    mightSleep: true,
    source: RCUPDATE_H,
  },
  {
    name: 'call_rcu',
    category: 'rcu-sync',
    params: [p('head', 'other'), p('func', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: false,
    source: RCUPDATE_H,
    notes: 'Queues func after a grace period; safe in atomic context.',
  },
  {
    name: 'kfree_rcu',
    category: 'rcu-sync',
    params: [p('ptr', 'buffer', ['slab', 'kmalloc-large']), p('rhf', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: false,
    source: RCUPDATE_H,
  },
  // ── sleeping and waiting ──
  sleeper('msleep', DELAY_H, { params: [p('msecs', 'other')] }),
  sleeper('msleep_interruptible', DELAY_H, { params: [p('msecs', 'other')], returns: { error: 'none', type: 'unsigned long' } }),
  sleeper('ssleep', DELAY_H, { params: [p('seconds', 'other')] }),
  sleeper('usleep_range', DELAY_H, { params: [p('min', 'other'), p('max', 'other')] }),
  sleeper('fsleep', DELAY_H, { params: [p('usecs', 'other')] }),
  sleeper('schedule', SCHED_H),
  sleeper('schedule_timeout', SCHED_H, { params: [p('timeout', 'other')], returns: { error: 'none', type: 'long' } }),
  sleeper('cond_resched', SCHED_H, { returns: { error: 'none', type: 'int' } }),
  sleeper('might_sleep', 'include/linux/kernel.h', {
    notes: 'An annotation: with CONFIG_DEBUG_ATOMIC_SLEEP it warns when called in atomic context.',
  }),
  sleeper('wait_event', 'include/linux/wait.h', { params: [p('wq', 'other'), p('condition', 'other')] }),
  sleeper('wait_event_interruptible', 'include/linux/wait.h', {
    params: [p('wq', 'other'), p('condition', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
  }),
  sleeper('wait_event_timeout', 'include/linux/wait.h', {
    params: [p('wq', 'other'), p('condition', 'other'), p('timeout', 'other')],
    returns: { error: 'none', type: 'long' },
  }),
  sleeper('wait_for_completion', 'include/linux/completion.h', { params: [p('x', 'other')] }),
  sleeper('wait_for_completion_timeout', 'include/linux/completion.h', {
    params: [p('x', 'other'), p('timeout', 'other')],
    returns: { error: 'none', type: 'unsigned long' },
  }),
  sleeper('wait_for_completion_interruptible', 'include/linux/completion.h', {
    params: [p('x', 'other')],
    returns: { error: 'zero-success-negative-errno', type: 'int' },
  }),
  {
    name: 'udelay',
    category: 'sleep',
    params: [p('usecs', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: false,
    source: DELAY_H,
    notes: 'A busy-wait: allowed in atomic context.',
  },
  {
    name: 'mdelay',
    category: 'sleep',
    params: [p('msecs', 'other')],
    returns: { error: 'none', type: 'void' },
    mightSleep: false,
    source: DELAY_H,
    notes: 'A busy-wait: allowed in atomic context (but long delays there are frowned upon).',
  },
];
