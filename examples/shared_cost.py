import time
from multiprocessing import Manager, Value

TIMES = 1000


def seconds_for(counter, lock):
    """加 TIMES 次 1，测 3 遍，取最快的一遍：别的程序偶尔抢走 CPU 时，最快的一遍最接近真实的耗时"""
    rounds = []
    for _ in range(3):
        began = time.perf_counter()
        for _ in range(TIMES):
            with lock:
                counter.value += 1
        rounds.append(time.perf_counter() - began)
    return min(rounds)


if __name__ == '__main__':
    value = Value('i', 0)
    fast = seconds_for(value, value.get_lock())
    with Manager() as manager:
        slow = seconds_for(manager.Value('i', 0), manager.Lock())
    print('Value：      %d 次加 1 用了 %.4f 秒' % (TIMES, fast))
    print('Manager 代理：%d 次加 1 用了 %.4f 秒' % (TIMES, slow))
    if slow > 10 * fast:
        print('Manager 代理慢了 10 倍以上')
    else:
        print('Manager 代理慢了 %.1f 倍' % (slow / fast))
