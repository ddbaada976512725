import os
from multiprocessing import Process
from multiprocessing.shared_memory import SharedMemory


def write_greeting(name):
    shm = SharedMemory(name=name)  # 按名字连接到主进程创建的那块共享内存
    shm.buf[:5] = b'hello'  # buf 是一个 memoryview，可以像 bytearray 一样按下标写
    shm.close()  # 这个进程不再使用它：关闭自己的连接


if __name__ == '__main__':
    shm = SharedMemory(create=True, size=16)  # 创建一块 16 字节的共享内存
    print('名字：%s，大小：%d 字节' % (shm.name, shm.size))
    p = Process(target=write_greeting, args=(shm.name,))
    p.start()
    p.join()
    print('子进程写入的内容：', bytes(shm.buf[:5]))
    name = shm.name
    shm.close()  # 关闭自己的连接：共享内存本身还在
    print('close() 之后还在吗？', os.path.exists('/dev/shm/' + name))
    shm.unlink()  # 删除这块共享内存：整个程序只需要调用一次
    print('unlink() 之后还在吗？', os.path.exists('/dev/shm/' + name))
    try:
        SharedMemory(name=name)
    except FileNotFoundError as e:
        print('unlink() 之后再连接：', e)
