from multiprocessing import Lock, Process, RLock


def log(lock, text):
    # 在拿到锁之后才调用，所以这里是同一个进程第二次拿同一把锁
    if lock.acquire(timeout=0.2):
        print('  记录：%s' % text)
        lock.release()
    else:
        print('  等了 0.2 秒也没拿到锁：这把锁在我自己手里')


def transfer(lock):
    with lock:
        print('%s：转账中' % type(lock).__name__)
        log(lock, '转账完成')


if __name__ == '__main__':
    for lock in [Lock(), RLock()]:
        p = Process(target=transfer, args=(lock,))
        p.start()
        p.join()
