from multiprocessing.shared_memory import SharedMemory

if __name__ == '__main__':
    shm = SharedMemory(name='demo_block')  # 另一个程序创建的共享内存，按名字连接
    print('读到', bytes(shm.buf[:5]))
    shm.close()
    shm.unlink()  # 用完的一方负责删除
    print('已经 unlink()')
