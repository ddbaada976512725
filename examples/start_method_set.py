import multiprocessing
import os

def run_proc(method):
    """子进程要执行的代码"""
    print('子进程运行中（%s 方式启动），pid=%d' % (method, os.getpid()))

if __name__ == '__main__':
    print('本平台支持的启动方式:', multiprocessing.get_all_start_methods())

    # 方法一：为整个程序选定启动方式。只能调用一次，而且要在创建任何进程之前
    multiprocessing.set_start_method('spawn')
    print('当前的启动方式:', multiprocessing.get_start_method())
    p = multiprocessing.Process(target=run_proc, args=('spawn',))
    p.start()
    p.join()

    # 方法二：取得一个“上下文”对象，它和 multiprocessing 模块有相同的 API，
    # 但用它创建的进程固定使用指定的启动方式
    ctx = multiprocessing.get_context('forkserver')
    p = ctx.Process(target=run_proc, args=(ctx.get_start_method(),))
    p.start()
    p.join()
