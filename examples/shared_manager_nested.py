from multiprocessing import Manager, Process


def add_one(shared, status):
    shared['plain'].append(1)  # 取出的是列表的副本，改的是副本
    shared['proxy'].append(1)  # 取出的是另一个代理，改的是管理进程里的列表
    status.items.append(1)  # Namespace 也一样：取出的是副本


if __name__ == '__main__':
    with Manager() as manager:
        shared = manager.dict()
        shared['plain'] = []  # 普通列表：存进去的是它的副本
        shared['proxy'] = manager.list()  # 管理进程里的列表
        status = manager.Namespace()
        status.items = []
        p = Process(target=add_one, args=(shared, status))
        p.start()
        p.join()
        print('普通列表：', shared['plain'])
        print('嵌套的代理：', list(shared['proxy']))
        print('Namespace 的属性：', status.items)
