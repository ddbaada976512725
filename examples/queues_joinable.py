from multiprocessing import JoinableQueue, Process


def worker(tasks: 'JoinableQueue[int]') -> None:
    while True:
        n = tasks.get()
        print('完成任务 %d：%d 的平方是 %d' % (n, n, n * n))
        tasks.task_done()  # 每取出一个任务、处理完，就调用一次


if __name__ == '__main__':
    tasks: 'JoinableQueue[int]' = JoinableQueue()
    workers = [Process(target=worker, args=(tasks,), daemon=True) for _ in range(2)]
    for p in workers:
        p.start()
    for n in range(1, 6):
        tasks.put(n)
    tasks.join()  # 等到放入的每个任务都有了对应的 task_done()
    print('join() 返回：5 个任务都完成了')
    print('工作进程还在运行：%s' % all(p.is_alive() for p in workers))
    try:
        tasks.task_done()
    except ValueError as e:
        print('多调用一次 task_done()：%s' % e)
