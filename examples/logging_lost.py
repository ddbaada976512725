import logging
from multiprocessing import Process

log = logging.getLogger(__name__)


def work():
    log.info("子进程：开始工作")
    log.warning("子进程：磁盘快满了")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(processName)s: %(message)s")
    log.info("主进程：启动子进程")
    p = Process(target=work)
    p.start()
    p.join()
