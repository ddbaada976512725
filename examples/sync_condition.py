from multiprocessing import Condition, Process, Value

EMPTY = 0


def consume(slot, changed):
    while True:
        with changed:
            changed.wait_for(lambda: slot.value != EMPTY)  # 等到格子里有东西
            item = slot.value
            print('子进程：取出 %d' % item)
            slot.value = EMPTY
            changed.notify()  # 告诉主进程：格子空了
        if item < 0:
            break


if __name__ == '__main__':
    slot = Value('i', EMPTY)  # 只能放一个数的格子
    changed = Condition()
    consumer = Process(target=consume, args=(slot, changed))
    consumer.start()
    for item in [1, 2, 3, -1]:  # -1 是哨兵：最后一个
        with changed:
            changed.wait_for(lambda: slot.value == EMPTY)  # 等到格子空了
            print('主进程：放入 %d' % item)
            slot.value = item
            changed.notify()  # 告诉子进程：格子里有东西了
    consumer.join()
