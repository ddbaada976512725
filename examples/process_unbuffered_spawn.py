import multiprocessing
from time import sleep


def run_proc(printed):
    print('子进程：第 1 行')
    printed.set()  # 告诉主进程：这一行打印完了
    sleep(10)


if __name__ == '__main__':
    spawn = multiprocessing.get_context('spawn')  # 不管默认的启动方式是什么，都用 spawn
    printed = spawn.Event()
    p = spawn.Process(target=run_proc, args=(printed,))
    p.start()
    printed.wait()
    p.terminate()
    p.join()
    print('主进程：结束')
