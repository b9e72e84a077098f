from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "saylau.ledger"
    label = "ledger"
    verbose_name = "Ledger"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from saylau.db import checkpoint_sqlite_log

        # every saylau process appends to the ledger, so its app starts SQLite's log checkpointer
        connection_created.connect(checkpoint_sqlite_log, dispatch_uid="saylau-sqlite-checkpoint")
