from multiprocessing import Process
from multiprocessing.shared_memory import ShareableList


def work(name):
    row = ShareableList(name=name)  # 按名字连接到同一个列表
    row[0] = '完成'
    row[1] = 42
    row[2] = 3.14
    row.shm.close()


if __name__ == '__main__':
    row = ShareableList(['待处理', 0, 0.0])  # 长度和每一项占的空间在创建时就定下了
    p = Process(target=work, args=(row.shm.name,))
    p.start()
    p.join()
    print(list(row))
    try:
        row[0] = '这是一个比原来长得多的字符串'
    except ValueError as e:
        print('ValueError:', e)
    print('能 append 吗？', hasattr(row, 'append'))
    row.shm.close()
    row.shm.unlink()
