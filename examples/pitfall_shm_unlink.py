from multiprocessing import shared_memory

if __name__ == '__main__':
    block = shared_memory.SharedMemory(create=True, size=16)
    block.buf[:5] = b'hello'
    block.close()
    block.unlink()  # 最后一个用完的进程负责删除
