from multiprocessing import JoinableQueue, Process, Queue

WORKERS = 3
# 一个假想的目录树：每个目录下有哪些子目录
TREE = {
    '/': ['/home', '/usr'],
    '/home': ['/home/alice', '/home/bob'],
    '/usr': ['/usr/lib'],
    '/usr/lib': ['/usr/lib/python3'],
}


def walk(dirs: 'JoinableQueue[str | None]', found: 'Queue[str | None]') -> None:
    while (path := dirs.get()) is not None:
        found.put(path)
        for sub in TREE.get(path, []):
            dirs.put(sub)  # 先放入新任务……
        dirs.task_done()  # ……再报告当前任务完成，join() 才不会提前返回
    found.put(None)  # 告诉主进程：我找到的目录都放进去了


if __name__ == '__main__':
    dirs: 'JoinableQueue[str | None]' = JoinableQueue()
    found: 'Queue[str | None]' = Queue()
    workers = [Process(target=walk, args=(dirs, found)) for _ in range(WORKERS)]
    for p in workers:
        p.start()
    dirs.put('/')
    dirs.join()  # 所有目录，包括处理过程中新加入的，都处理完了
    print('join() 返回：所有目录都处理完了')
    for _ in workers:
        dirs.put(None)
    paths = []
    finished = 0
    while finished < WORKERS:
        if (path := found.get()) is None:
            finished += 1
        else:
            paths.append(path)
    for p in workers:
        p.join()
    print('一共 %d 个目录：%s' % (len(paths), ' '.join(sorted(paths))))
